using System.Globalization;

namespace Moment.Application.Phone;

/// <summary>
/// What a caller hears, in Swedish and English, as the chat's texts are kept (the widget's table, the bot's pairs): said
/// as written, so plain words, short sentences, numbers as a speech engine reads them.
/// </summary>
internal static class PhoneTexts
{
    public static SayText Greeting(string language) => Say(language,
        "Välkommen till kundservice. Du kommer till en person, inte till en knappmeny. Tryck 0 när som helst för att ställa dig i kö till en person.",
        "Welcome to customer service. You will reach a person, not a menu of buttons. Press 0 at any time to get in line for a person.");

    /// <summary>Always in English: it is for those who do not understand the Swedish greeting.</summary>
    public static SayText ForEnglish { get; } = new("For English, press 9.", "en");

    public static SayText OpenCase(string language) => Say(language,
        "Vi ser att du har ett öppet ärende hos oss. Vi försöker först koppla dig till den som har hand om det.",
        "We see that you have an open case with us. We will try first to put you through to the person who handles it.");

    public static SayText Position(string language, int position, TimeSpan? from, TimeSpan? to)
    {
        var place = Say(language, $"Du är nummer {position} i kön.", $"You are number {position} in the line.").Text;
        var wait = (from, to) switch
        {
            (null, _) or (_, null) => Say(language,
                "Ingen handläggare är inloggad just nu, så vi kan inte säga hur länge du får vänta. Tryck 1 så ringer vi upp dig när det är din tur.",
                "Nobody is serving the line just now, so we cannot say how long you will wait. Press 1 and we will call you back when it is your turn.").Text,
            ({ } f, { } t) when f <= TimeSpan.Zero => Say(language,
                $"Väntetiden är under {Minutes(t)} minuter.", $"The wait is under {Minutes(t)} minutes.").Text,
            ({ } f, { } t) => Say(language,
                $"Väntetiden är ungefär {Minutes(f)} till {Minutes(t)} minuter.", $"The wait is about {Minutes(f)} to {Minutes(t)} minutes.").Text,
        };
        return new SayText(place + " " + wait, language);
    }

    public static SayText Choices(string language) => Say(language,
        "Tryck 1 om du vill bli uppringd i stället. Du behåller din plats. Tryck 0 för att stå kvar i kön.",
        "Press 1 to be called back instead. You keep your place. Press 0 to stay in line.");

    public static SayText StayingInLine(string language) => Say(language, "Du står kvar i kön.", "You stay in line.");

    public static SayText NoSuchChoice(string language) => Say(language,
        "Det valet finns inte. Du står kvar i kön.", "There is no such choice. You stay in line.");

    public static SayText WillCallBack(string language, string e164) => Say(language,
        $"Vi ringer upp dig på {Spoken(e164)} när det är din tur. Du behåller din plats. Du kan lägga på nu.",
        $"We will call you back on {Spoken(e164)} when it is your turn. You keep your place. You may hang up now.");

    public static SayText WhichNumber(string language, string? e164) => e164 is null
        ? Say(language,
            "Vi ser inte ditt nummer. Slå numret vi ska ringa dig på, och avsluta med fyrkant.",
            "We cannot see your number. Key the number we should call you on, and end with the hash key.")
        : Say(language,
            $"Vi ringer dig på {Spoken(e164)}. Vill du bli uppringd på ett annat nummer, slå det nu och avsluta med fyrkant.",
            $"We will call you on {Spoken(e164)}. To be called on another number, key it now and end with the hash key.");

    public static SayText NotANumber(string language) => Say(language,
        "Det numret kan vi inte ringa. Du står kvar i kön, och kan trycka 1 igen.",
        "We cannot call that number. You stay in line, and may press 1 again.");

    public static SayText NoNumberToCall(string language) => Say(language,
        "Vi ser inte ditt nummer, så vi kan inte ringa upp dig. Du står kvar i kön.",
        "We cannot see your number, so we cannot call you back. You stay in line.");

    public static SayText PuttingThrough(string language, string? firstName) => firstName is null
        ? Say(language, "Nu kopplar vi dig till en person.", "We are putting you through to a person now.")
        : Say(language, $"Nu kopplar vi dig till {firstName}.", $"We are putting you through to {firstName} now.");

    public static SayText AboutToBeAnswered(string language) => Say(language,
        "En person har tagit ditt samtal. Vänta kvar, du kopplas strax.", "A person has taken your call. Please hold, you will be put through shortly.");

    public static SayText CallingBack(string language, string? firstName) => Say(language,
        $"Hej, det här är kundservice som ringer upp, som du bad om. Nu kopplar vi dig till {firstName ?? "en person"}.",
        $"Hello, this is customer service calling you back, as you asked. We are putting you through to {firstName ?? "a person"} now.");

    public static SayText Closed(string language, DateTimeOffset opensAt, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(opensAt, zone);
        var sv = CultureInfo.GetCultureInfo("sv-SE");
        var en = CultureInfo.GetCultureInfo("en-GB");
        return Say(language,
            string.Create(sv, $"Vi har stängt nu och öppnar {local:dddd 'den' d MMMM 'klockan' HH:mm}. Tryck 1 så ringer vi upp dig när vi har öppnat."),
            string.Create(en, $"We are closed now and open on {local:dddd d MMMM 'at' HH:mm}. Press 1 and we will call you back when we have opened."));
    }

    public static SayText Goodbye(string language) => Say(language, "Tack för att du ringde. Hej då.", "Thank you for calling. Goodbye.");

    public static SayText NoLine(string language) => Say(language,
        "Vi kan inte ta emot samtal på det här numret just nu. Försök igen senare.", "We cannot take calls on this number just now. Please try again later.");

    /// <summary>The caller's name on the desk while the number is all Moment knows.</summary>
    public static string Caller(string? e164) => e164 is null ? "Okänt nummer" : Customers.PhoneNumbers.Display(e164);

    public static string Question(string language, string? e164) => language == "en"
        ? $"Phone call from {Caller(e164)}."
        : $"Telefonsamtal från {Caller(e164)}.";

    /// <summary>A number read out digit by digit in its national form ("0 7 0, 1 2 3 …"), as people say it back.</summary>
    private static string Spoken(string e164) =>
        string.Join(' ', Customers.PhoneNumbers.Display(e164).Select(c => c == '-' ? ' ' : c).Where(c => char.IsAsciiDigit(c) || c == ' ').ToArray()).Replace("   ", ", ", StringComparison.Ordinal);

    private static string Minutes(TimeSpan value) => ((int)Math.Round(value.TotalMinutes)).ToString(CultureInfo.InvariantCulture);

    private static SayText Say(string language, string swedish, string english) =>
        language == "en" ? new SayText(english, "en") : new SayText(swedish, "sv");
}
