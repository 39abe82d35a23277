using Moment.Domain.Knowledge;

namespace Moment.Application.Tests.Knowledge;

/// <summary>
/// Sixty articles written for the search-relevance test, Swedish and English, in the words of Moment's customers:
/// broadband, landlines, invoices, the booking app, trains and shops. Some English ones translate a Swedish one.
/// </summary>
public static class SearchCorpus
{
    public sealed record Article(ArticleLanguage Language, string Title, string Body, string? TranslationOf = null, bool Public = true);

    public static IReadOnlyList<Article> Articles { get; } =
    [
        Sv("Bredbandsroutern startar inte", "Om din bredbandsrouter inte startar: kontrollera att strömadaptern sitter i. Dra ur sladden, vänta trettio sekunder och sätt i den igen. Lyser lampan fortfarande rött, boka ett teknikerbesök."),
        Sv("Så läser du din faktura", "Fakturan visar månadsavgift, samtal och eventuella engångsavgifter. Förfallodagen står högst upp till höger. Kundnumret står under din adress."),
        Sv("Betala fakturor med autogiro", "Med autogiro dras beloppet automatiskt på förfallodagen. Anmäl autogiro i din internetbank; det gäller från nästa månad."),
        Sv("Fast telefon utan ton", "Hör du ingen kopplingston i den fasta telefonen? Kontrollera att sladden sitter i telefonjacket och prova en annan telefon. Hjälper inget, felanmäl linjen."),
        Sv("Boka om en tågresa i appen", "Du kan boka om din resa i appen fram till avgång. Välj resan, tryck på Boka om och välj en ny avgång. Mellanskillnaden betalas med kort."),
        Sv("Bokningsappen visar fel avgångstid", "Ett känt fel i bokningsappen gör att avgångstiden ibland visas en timme fel efter omställningen till vintertid. Tiden på biljetten och på stationens skyltar stämmer."),
        Sv("Återbetalning av biljett", "En biljett som går att återbetala kan lämnas tillbaka fram till avgång. Pengarna kommer tillbaka till kortet inom tio bankdagar."),
        Sv("Förseningsersättning", "Vid en försening på mer än 20 minuter har du rätt till ersättning. Ansök senast tre månader efter resan och ha bokningsnumret till hands."),
        Sv("Byta lösenord", "Har du glömt lösenordet? Tryck på Glömt lösenord på inloggningssidan så får du en länk i ett mejl. Länken gäller i en timme. Välj ett långt lösenord för din säkerhet."),
        Sv("Mobilt BankID fungerar inte vid inloggning", "Kontrollera att appen har fått sin senaste uppdatering och att telefonen har internet. Starta om telefonen om legitimeringen inte går igenom."),
        Sv("Trådlöst nätverk ombord", "Anslut till nätverket ombord på tåget och öppna webbläsaren. Det trådlösa nätverket är gratis men långsammare i tunnlar."),
        Sv("Flytta bredband till ny adress", "Ska du flytta? Anmäl flytten minst en månad i förväg så flyttar vi ditt bredband till den nya adressen utan kostnad."),
        Sv("Säga upp abonnemang", "Uppsägningstiden är tre månader. Du säger upp abonnemanget på Mina sidor eller i telefon. Utrustningen ska lämnas tillbaka."),
        Sv("Porta nummer till oss", "Vill du ta med ditt nummer från en annan operatör? Nummerflytt tar tre till fem arbetsdagar och telefonen fungerar hela tiden."),
        Sv("Mobiltelefonen har ingen täckning", "Titta på täckningskartan. Inomhus kan täckningen vara sämre. Starta om telefonen och kontrollera att flygläget är avstängt."),
        Sv("Simkortet är spärrat", "Efter tre felaktiga koder spärras simkortet. Lås upp det med PUK-koden som står på plastkortet som simkortet satt i."),
        Sv("Byta betalningsmetod", "Du kan byta mellan kort, e-faktura och pappersfaktura på Mina sidor. Ändringen gäller från nästa faktura."),
        Sv("Påminnelseavgift på fakturan", "Betalar du efter förfallodagen skickar vi en påminnelse med en påminnelseavgift på 60 kronor. Hör av dig om du inte fått fakturan."),
        Sv("Reklamera en trasig produkt", "Är produkten trasig har du rätt att reklamera den i tre år. Ta med kvittot till butiken eller skicka in den med vår fraktsedel."),
        Sv("Returnera en vara i butik", "Du har öppet köp i 30 dagar. Varan ska vara oanvänd och i originalförpackningen. Ta med kvittot."),
        Sv("Teknikerbesök: vad händer", "Teknikern ringer en halvtimme innan besöket. Någon över 18 år behöver vara hemma. Besöket tar oftast en timme."),
        Sv("Hastigheten i bredbandet är låg", "Mät hastigheten med en nätverkskabel direkt i routern. Trådlöst blir det alltid långsammare genom väggar."),
        Sv("Tv-boxen hittar inga kanaler", "Gör en ny kanalsökning i menyn Inställningar. Kontrollera att antennkabeln sitter i. Kanalerna kommer tillbaka efter en sökning."),
        Sv("Mejlinställningar för e-postprogram", "Inkommande server är imap och utgående är smtp. Använd hela e-postadressen som användarnamn."),
        Sv("Var hittar jag mitt kundnummer?", "Kundnumret står på fakturan och på Mina sidor. Avtalsnumret står i ditt avtal."),
        Sv("Husdjur ombord", "Hundar och katter får följa med i vagnar märkta för djur. Djuret ska vara i bur eller kopplat hela resan."),
        Sv("Bagage och cyklar på tåget", "Du får ta med två väskor. Cyklar kräver en cykelplats som bokas samtidigt som biljetten."),
        Sv("Rullstol och ledsagning", "Beställ ledsagning senast 24 timmar före avgång. Personal möter dig på perrongen och hjälper dig ombord med rullstolen."),
        Sv("Mat i bistron", "Bistron ombord serverar kaffe, smörgåsar och varm mat. Den stänger en halvtimme före slutstationen."),
        Sv("Ändra namn på biljett", "Namnet på en biljett kan ändras fram till avgång om biljetten är ombokningsbar."),
        Sv("Studentrabatt", "Är du student med giltigt studentkort får du rabatt på alla biljetter. Visa studentkortet vid kontrollen."),
        Sv("Pensionärsrabatt", "Är du över 65 år får du pensionärsrabatt. Välj pensionär när du bokar."),
        Sv("Säkerhetsuppdatering av routerns programvara", "Ny programvara installeras automatiskt på natten. Routern startar om och är borta i några minuter."),
        Sv("Ingen internetanslutning efter strömavbrott", "Efter ett strömavbrott kan det ta tio minuter innan anslutningen är tillbaka. Starta om routern om det tar längre tid."),
        Sv("Laddare till telefonen saknas", "Nya telefoner levereras utan laddare. En laddare köper du i butiken eller på webben."),
        En("Your broadband router does not start", "If your broadband router does not start, check that the power adapter is plugged in. Unplug it, wait thirty seconds and plug it in again. If the light is still red, book a technician visit.", "Bredbandsroutern startar inte"),
        En("How to read your invoice", "The invoice shows the monthly fee, calls and any one-off charges. The due date is at the top right.", "Så läser du din faktura"),
        En("Pay invoices by direct debit", "With direct debit the amount is taken automatically on the due date. Sign up in your online bank; it applies from next month.", "Betala fakturor med autogiro"),
        En("Landline has no dial tone", "No dial tone on your landline? Check that the cord is in the wall socket and try another phone. If nothing helps, report a fault on the line.", "Fast telefon utan ton"),
        En("Rebook a train journey in the app", "You can rebook your journey in the app until departure. Choose the journey, tap Rebook and choose a new departure.", "Boka om en tågresa i appen"),
        En("The booking app shows the wrong departure time", "A known fault in the booking app sometimes shows the departure time one hour off after the change to winter time. The time on the ticket is right.", "Bokningsappen visar fel avgångstid"),
        En("Refund for a ticket", "A refundable ticket can be returned until departure. The money goes back to your card within ten banking days.", "Återbetalning av biljett"),
        En("Delay compensation", "If your train is delayed by more than 20 minutes you are entitled to compensation. Apply within three months of the journey.", "Förseningsersättning"),
        En("Change your password", "Forgot your password? Tap Forgot password on the sign-in page and we email you a link. The link is valid for one hour.", "Byta lösenord"),
        En("Wireless network on board", "Connect to the on-board network and open your browser. The wireless network is free but slower in tunnels.", "Trådlöst nätverk ombord"),
        En("Moving your broadband to a new address", "Moving home? Tell us at least a month ahead and we move your broadband to the new address at no cost.", "Flytta bredband till ny adress"),
        En("Cancel your subscription", "The notice period is three months. Cancel on My pages or by phone. The equipment must be returned.", "Säga upp abonnemang"),
        En("Keep your number when switching to us", "Bringing your number from another operator takes three to five working days, and your phone works all the time.", "Porta nummer till oss"),
        En("No mobile coverage", "Look at the coverage map. Coverage can be weaker indoors. Restart the phone and check that flight mode is off.", "Mobiltelefonen har ingen täckning"),
        En("SIM card is blocked", "After three wrong codes the SIM card is blocked. Unlock it with the PUK code printed on the plastic card the SIM came in.", "Simkortet är spärrat"),
        En("Late payment fee on your invoice", "If you pay after the due date we send a reminder with a late payment fee of 60 kronor.", "Påminnelseavgift på fakturan"),
        En("Return a product in a shop", "You may return goods within 30 days. They must be unused and in the original packaging. Bring the receipt.", "Returnera en vara i butik"),
        En("Faulty product: make a complaint", "A faulty product may be returned as a complaint for three years. Bring the receipt to the shop or send it with our shipping label.", "Reklamera en trasig produkt"),
        En("Technician visit: what happens", "The technician calls half an hour before the visit. Someone over 18 must be at home. The visit usually takes an hour.", "Teknikerbesök: vad händer"),
        En("Slow broadband speed", "Measure the speed with a network cable straight into the router. Wireless internet is always slower through walls.", "Hastigheten i bredbandet är låg"),
        En("TV box finds no channels", "Run a new channel scan in the Settings menu. Check that the aerial cable is plugged in.", "Tv-boxen hittar inga kanaler"),
        En("Pets on board", "Dogs and cats may travel in carriages marked for animals. The animal must be in a cage or on a lead for the whole journey.", "Husdjur ombord"),
        En("Luggage and bicycles on the train", "You may bring two bags. Bicycles need a bicycle space booked together with the ticket.", "Bagage och cyklar på tåget"),
        En("Wheelchair and assistance", "Order assistance at least 24 hours before departure. Staff meet you on the platform and help you on board.", "Rullstol och ledsagning"),
        En("Student discount", "With a valid student card you get a discount on every ticket. Show the student card to the conductor.", "Studentrabatt"),
        En("Internal: goodwill vouchers for delays", "Staff may give a goodwill voucher of up to 200 kronor for a delay without asking a manager.", Public: false),
    ];

    /// <summary>A query, the language it is asked in (null: both), the title expected, and how high it must rank (1 = first).</summary>
    public sealed record Expectation(string Query, ArticleLanguage? Language, string Expected, int Within = 1)
    {
        public override string ToString() => $"{Query} → {Expected}";
    }

    public static IReadOnlyList<Expectation> Queries { get; } =
    [
        // Swedish inflections.
        new("påminnelseavgifter", ArticleLanguage.Swedish, "Påminnelseavgift på fakturan"),
        new("återbetalningar biljetter", ArticleLanguage.Swedish, "Återbetalning av biljett"),
        new("förseningen", ArticleLanguage.Swedish, "Förseningsersättning"),
        new("fakturor autogiro", ArticleLanguage.Swedish, "Betala fakturor med autogiro"),
        new("fakturan", ArticleLanguage.Swedish, "Så läser du din faktura", Within: 3),
        new("spärrade simkort", ArticleLanguage.Swedish, "Simkortet är spärrat"),
        new("hund", ArticleLanguage.Swedish, "Husdjur ombord"),
        new("cykel", ArticleLanguage.Swedish, "Bagage och cyklar på tåget"),
        // Swedish compound words found by their parts, and parts found in compounds.
        new("router", ArticleLanguage.Swedish, "Bredbandsroutern startar inte", Within: 3),
        new("bredbandsroutern startar inte", ArticleLanguage.Swedish, "Bredbandsroutern startar inte"),
        new("uppdatering", ArticleLanguage.Swedish, "Säkerhetsuppdatering av routerns programvara", Within: 2),
        new("säkerhet", ArticleLanguage.Swedish, "Säkerhetsuppdatering av routerns programvara"),
        new("ledsagning", ArticleLanguage.Swedish, "Rullstol och ledsagning"),
        new("sökning kanaler", ArticleLanguage.Swedish, "Tv-boxen hittar inga kanaler"),
        new("tågresa", ArticleLanguage.Swedish, "Boka om en tågresa i appen"),
        new("avgångstiden", ArticleLanguage.Swedish, "Bokningsappen visar fel avgångstid"),
        new("ton telefon", ArticleLanguage.Swedish, "Fast telefon utan ton"),
        new("telefonjack", ArticleLanguage.Swedish, "Fast telefon utan ton"),
        new("uppsägningstid", ArticleLanguage.Swedish, "Säga upp abonnemang"),
        new("nummerflytt", ArticleLanguage.Swedish, "Porta nummer till oss"),
        new("strömavbrott internet", ArticleLanguage.Swedish, "Ingen internetanslutning efter strömavbrott"),
        new("rabatt student", ArticleLanguage.Swedish, "Studentrabatt"),
        // Typing mistakes in short queries.
        new("ledsagnig", ArticleLanguage.Swedish, "Rullstol och ledsagning"),
        new("lösenrod", ArticleLanguage.Swedish, "Byta lösenord"),
        new("autgiro", ArticleLanguage.Swedish, "Betala fakturor med autogiro"),
        new("kanalsökninng", ArticleLanguage.Swedish, "Tv-boxen hittar inga kanaler"),
        new("pasword", ArticleLanguage.English, "Change your password"),
        new("routr", ArticleLanguage.English, "Your broadband router does not start", Within: 2),
        // English.
        new("direct debit", ArticleLanguage.English, "Pay invoices by direct debit"),
        new("dial tone", ArticleLanguage.English, "Landline has no dial tone"),
        new("refunds", ArticleLanguage.English, "Refund for a ticket"),
        new("delayed train compensation", ArticleLanguage.English, "Delay compensation"),
        new("bicycle", ArticleLanguage.English, "Luggage and bicycles on the train"),
        new("dogs", ArticleLanguage.English, "Pets on board"),
        new("slow internet", ArticleLanguage.English, "Slow broadband speed"),
        new("cancelling my subscription", ArticleLanguage.English, "Cancel your subscription"),
        // Either language: the words decide.
        new("router does not start", null, "Your broadband router does not start"),
        new("bredbandsrouter", null, "Bredbandsroutern startar inte"),
    ];

    private static Article Sv(string title, string body) => new(ArticleLanguage.Swedish, title, body);

    private static Article En(string title, string body, string? translationOf = null, bool Public = true) =>
        new(ArticleLanguage.English, title, body, translationOf, Public);
}
