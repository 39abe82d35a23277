using Moment.Application.Cases;
using Moment.Domain.Calendar;
using Moment.Domain.Cases;
using Moment.Domain.Customers;

namespace Moment.Application.Demo;

/// <summary>
/// The demo operator's cases, played through the case rules as the people in PRODUCT.md's stories would have played them,
/// so that the desk is alive on the first start: Margit's landline that broke twice (story 5), the booking app reported
/// to the train host (story 1), Nordbygg's invoice that bounced until it reached a named team lead (story 2), and a
/// resolution the customer confirmed.
/// </summary>
internal sealed class DemoCases(
    IReadOnlyDictionary<string, Guid> staff,
    IReadOnlyDictionary<string, Guid> teams,
    IReadOnlyDictionary<string, CaseType> caseTypes,
    IReadOnlyDictionary<string, Customer> customers,
    CasePolicy policy,
    Func<Guid, DateTimeOffset, Task<string>> nextNumber)
{
    private Guid Sara => staff["sara.holm@moment.test"];
    private Guid Erik => staff["erik.sjo@moment.test"];
    private Guid Lina => staff["lina.strom@moment.test"];
    private Guid Kim => staff["kim.aberg@moment.test"];
    private Guid Omar => staff["omar.said@moment.test"];
    private Guid Karin => staff["karin.nord@moment.test"];
    private Guid LarsBorg => staff["lars.borg@moment.test"];

    /// <summary>Every demo team keeps the Swedish business calendar.</summary>
    private static BusinessCalendar TeamHours => BusinessCalendar.Swedish;

    public async Task<IReadOnlyList<Case>> PlayAsync(DateTimeOffset now)
    {
        var firstFault = await MargitsFirstFaultAsync(now.AddDays(-74));
        return
        [
            firstFault,
            await MargitsSecondFaultAsync(firstFault, now.AddDays(-1)),
            await JonasBookingAppAsync(now.AddDays(-2)),
            await NordbyggInvoiceAsync(now.AddHours(-5)),
            await YasminTranscriptAsync(now.AddDays(-6)),
        ];
    }

    /// <summary>Story 5, the first time: the shop takes the fault report that, in the column, nobody could take.</summary>
    private async Task<Case> MargitsFirstFaultAsync(DateTimeOffset at)
    {
        var @case = await RegisterAsync(at, "Margit Andersson", "Fault report", Door.Shop, Omar, DemoAccounts.Shops, CasePriority.High,
            "Den fasta telefonen är helt tyst",
            "Margit Andersson, 81, kom till butiken med sitt id-kort. Telefonen hemma har varit tyst sedan i går kväll. "
            + "Hon har ingen dator, ingen smartphone och inget BankID: vi når henne med brev, eller genom sonen Anders på 070-123 45 67.");
        @case.AddNote(Omar, "Id-kort visat i butiken. Felanmälan gjord här; Margit behöver inte ringa någon.", isPublic: false, at.AddMinutes(6));
        var offer = @case.OfferHandOff(Omar, HandOffTarget.Person(Sara),
            "Felanmälan för fast telefon hos Margit Andersson, 81: linjen tyst sedan i går kväll. Id-kontroll gjord i butiken. "
            + "Kvar: boka tekniker och ringa sonen Anders med tiden.",
            "Telefonteamet bokar tekniker", policy, TeamHours, at.AddMinutes(8));
        @case.AcceptHandOff(offer.Id, Sara, teams[DemoAccounts.Phone], at.AddMinutes(19));
        @case.RecordContact(Sara, Door.Phone, ContactDirection.Outbound,
            "Ringde Anders: tekniker kommer torsdag kl. 8–12. Margit är hemma hela förmiddagen.", sameProblem: false, policy, at.AddMinutes(31));
        @case.ProposeResolution(Sara,
            "Teknikern bytte ett trasigt linjekort i telestationen på torsdagen. Telefonen fungerar igen; vi ringde upp och hörde att det ringer.",
            caseTypes["Fault report"].ResolutionWindow, at.AddDays(2));
        @case.ConfirmResolution("Det fungerar, tack. Hälsningar Margit (Anders skriver åt mig).", at.AddDays(3));
        return @case;
    }

    /// <summary>Story 5, the second time: the son calls; the new case is linked to the first, which counts a repeat contact.</summary>
    private async Task<Case> MargitsSecondFaultAsync(Case firstFault, DateTimeOffset at)
    {
        var @case = await RegisterAsync(at, "Margit Andersson", "Fault report", Door.Phone, Erik, DemoAccounts.Phone, CasePriority.Urgent,
            "Telefonen är tyst igen – andra gången på tre månader",
            "Sonen Anders Andersson ringer för sin mamma. Den fasta telefonen är tyst igen, precis som i september. "
            + "Hon bor ensam och kan inte ringa 112 hemifrån.");
        @case.LinkAsSameProblem(firstFault, Erik, at.AddMinutes(3));
        @case.AddNote(Erik, "Samma linje som förra gången: teknikern bör kontrollera hela sträckan, inte bara linjekortet.", isPublic: false, at.AddMinutes(5));
        @case.RecordContact(Erik, Door.Phone, ContactDirection.Outbound,
            "Ringde Anders tillbaka: tekniker bokad i morgon kl. 8–12. Vi lånar ut en mobiltelefon med stora knappar tills linjen fungerar.",
            sameProblem: false, policy, at.AddMinutes(40));
        @case.AddNote(Erik, "Vi har bokat en tekniker i morgon förmiddag och skickar en lånetelefon med posten i dag.", isPublic: true, at.AddMinutes(42));
        return @case;
    }

    /// <summary>Story 1: the train host takes the report herself instead of saying "contact customer service".</summary>
    private async Task<Case> JonasBookingAppAsync(DateTimeOffset at)
    {
        var @case = await RegisterAsync(at, "Jonas Persson", "Fault report", Door.Onboard, Karin, DemoAccounts.Onboard, CasePriority.Normal,
            "Bokningsappen kraschar vid platsval",
            "Resenär i första klass, tåg 527 Stockholm–Göteborg. Appen stänger sig när han väljer plats, på Android 14, sedan flera veckor. "
            + "Han har avinstallerat och installerat om utan att det hjälper.");
        var offer = @case.OfferHandOff(Karin, HandOffTarget.Person(Lina),
            "Appen kraschar vid platsval på Android 14 sedan flera veckor. Biljetten för i dag är ombokad ombord. "
            + "Kvar: svar om felet och när det är rättat.",
            "Chatteamet har kontakt med apputvecklarna", policy, TeamHours, at.AddMinutes(12));
        @case.AcceptHandOff(offer.Id, Lina, teams[DemoAccounts.Chat], at.AddMinutes(29));
        @case.RecordContact(Lina, Door.Email, ContactDirection.Outbound,
            "Mejlade Jonas: känt fel i version 5.1 på Android 14, rättat i 5.2 som kom i dag.", sameProblem: false, policy, at.AddHours(20));
        @case.ProposeResolution(Lina,
            "Felet låg i appen och är rättat i version 5.2. Uppdatera appen i Google Play så fungerar platsvalet igen. "
            + "Som ursäkt har vi satt in 200 kr på ditt resekonto.",
            caseTypes["Fault report"].ResolutionWindow, at.AddHours(21));
        return @case;
    }

    /// <summary>Story 2: the regular contact is on holiday; two colleagues decline, and the case goes to the team lead by name.</summary>
    private async Task<Case> NordbyggInvoiceAsync(DateTimeOffset at)
    {
        var @case = await RegisterAsync(at, "Nordbygg AB", "Billing", Door.Phone, Kim, DemoAccounts.BusinessCustomers, CasePriority.High,
            "Fakturan för oktober är dragen två gånger",
            "Ekonomichefen Lena Nordin ringer: oktoberfakturan på 12 400 kr har dragits två gånger från företagskontot.");
        const string summary = "Nordbygg AB: oktoberfakturan (12 400 kr) dragen två gånger, syns i reskontran. "
            + "Kvar: återbetala en dragning och ringa Lena Nordin, ekonomichef.";
        const string reason = "Jag går på semester i morgon";
        var first = @case.OfferHandOff(Kim, HandOffTarget.Person(Sara), summary, reason, policy, TeamHours, at.AddMinutes(10));
        @case.DeclineHandOff(first.Id, Sara, teams[DemoAccounts.Phone], "Fakturor till företag hör inte till telefonteamet", at.AddMinutes(25));
        var second = @case.OfferHandOff(Kim, HandOffTarget.Person(Erik), summary, reason, policy, TeamHours, at.AddMinutes(30));
        @case.DeclineHandOff(second.Id, Erik, teams[DemoAccounts.Phone], "Inte min fråga heller", at.AddMinutes(41));
        if (@case.EscalationDue(policy) is { } cause)
            @case.Escalate(cause, LarsBorg, teams[DemoAccounts.BusinessCustomers], at.AddMinutes(41));
        @case.RecordContact(LarsBorg, Door.Phone, ContactDirection.Outbound,
            "Ringde Lena Nordin: jag är ansvarig nu. Återbetalningen av den dubbla dragningen är beställd och syns på kontot inom två bankdagar.",
            sameProblem: false, policy, at.AddMinutes(55));
        return @case;
    }

    /// <summary>A resolution the customer confirmed on their own page.</summary>
    private async Task<Case> YasminTranscriptAsync(DateTimeOffset at)
    {
        var @case = await RegisterAsync(at, "Yasmin Haddad", CaseTypes.Question, Door.Chat, Lina, DemoAccounts.Chat, CasePriority.Low,
            "Utskrift av chatten från måndagen",
            "Yasmin vill ha en utskrift av chattsamtalet i måndags om sin flytt av abonnemanget.");
        @case.ProposeResolution(Lina, "Vi har mejlat utskriften av chatten till yasmin.haddad@example.se.", caseTypes[CaseTypes.Question].ResolutionWindow, at.AddMinutes(20));
        @case.ConfirmResolution("Tack, nu har jag den!", at.AddHours(3));
        return @case;
    }

    private async Task<Case> RegisterAsync(
        DateTimeOffset at, string customer, string caseType, Door door, Guid registeredBy, string team, CasePriority priority, string subject, string description) =>
        Case.Register(new CaseRegistration(
            await nextNumber(customers[customer].Id, at), customers[customer].Id, caseTypes[caseType].Id, subject, description, priority, door, registeredBy, teams[team],
            RegisterCase.NewCustomerToken()), at);
}
