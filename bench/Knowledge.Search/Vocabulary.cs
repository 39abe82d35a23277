using Moment.Domain.Knowledge;

namespace Moment.Bench.KnowledgeSearch;

/// <summary>A query as a reader asks it: the search page (both languages, 20 results), the case page and the bot.</summary>
internal sealed record BenchQuery(string Kind, string Text, ArticleLanguage? Language, bool PublicOnly, int Max);

/// <summary>
/// Words for generated articles in Swedish and English, from one seeded <see cref="Random"/>: common words often, rare
/// ones seldom (a skewed pick), Swedish nouns in their inflections and as heads of compounds ("tåg" + "biljetterna"),
/// English nouns in singular and plural and verbs in their forms, and some thousands of made-up names (products, places)
/// that make the long tail a real knowledge base has.
/// </summary>
internal sealed class Vocabulary
{
    private static readonly string[][] SwedishNouns =
    [
        ["faktura", "fakturan", "fakturor", "fakturorna"], ["router", "routern", "routrar", "routrarna"], ["biljett", "biljetten", "biljetter", "biljetterna"],
        ["abonnemang", "abonnemanget", "abonnemangen"], ["lösenord", "lösenordet", "lösenorden"], ["avgift", "avgiften", "avgifter", "avgifterna"],
        ["resa", "resan", "resor", "resorna"], ["kort", "kortet", "korten"], ["konto", "kontot", "konton", "kontona"], ["adress", "adressen", "adresser"],
        ["kabel", "kabeln", "kablar", "kablarna"], ["nätverk", "nätverket", "nätverken"], ["telefon", "telefonen", "telefoner", "telefonerna"],
        ["station", "stationen", "stationer"], ["försening", "förseningen", "förseningar"], ["ersättning", "ersättningen", "ersättningar"],
        ["betalning", "betalningen", "betalningar"], ["bokning", "bokningen", "bokningar"], ["leverans", "leveransen", "leveranser"],
        ["paket", "paketet", "paketen"], ["butik", "butiken", "butiker"], ["kvitto", "kvittot", "kvitton"], ["vagn", "vagnen", "vagnar"],
        ["plats", "platsen", "platser"], ["hastighet", "hastigheten", "hastigheter"], ["uppdatering", "uppdateringen", "uppdateringar"],
        ["inloggning", "inloggningen", "inloggningar"], ["app", "appen", "appar", "apparna"], ["skärm", "skärmen", "skärmar"], ["modem", "modemet", "modemen"],
        ["signal", "signalen", "signaler"], ["tekniker", "teknikern", "teknikerna"], ["besök", "besöket", "besöken"], ["rabatt", "rabatten", "rabatter"],
        ["nummer", "numret", "numren"], ["avtal", "avtalet", "avtalen"], ["låda", "lådan", "lådor"], ["lampa", "lampan", "lampor", "lamporna"],
        ["dörr", "dörren", "dörrar"], ["plånbok", "plånboken", "plånböcker"], ["väska", "väskan", "väskor"], ["cykel", "cykeln", "cyklar"],
        ["hund", "hunden", "hundar"], ["ombyggnad", "ombyggnaden"], ["spår", "spåret", "spåren"], ["kö", "kön", "köer"], ["mejl", "mejlet", "mejlen"],
    ];

    private static readonly string[] SwedishModifiers =
    [
        "bredbands", "månads", "tåg", "student", "kund", "betal", "nätverks", "mobil", "familje", "pensionärs", "resenärs", "service", "fiber",
        "påminnelse", "sommar", "vinter", "helg", "natt", "reserv", "ström", "säkerhets", "pappers", "rese", "sitt", "sov", "cykel", "hund", "bagage",
    ];

    private static readonly string[][] SwedishVerbs =
    [
        ["betala", "betalar", "betalade", "betalat"], ["boka", "bokar", "bokade", "bokat"], ["starta", "startar", "startade"], ["byta", "byter", "bytte", "bytt"],
        ["fungera", "fungerar", "fungerade"], ["ladda", "laddar", "laddade"], ["säga", "säger", "sade"], ["flytta", "flyttar", "flyttade"],
        ["ringa", "ringer", "ringde"], ["skicka", "skickar", "skickade"], ["logga", "loggar", "loggade"], ["återbetala", "återbetalar", "återbetalade"],
        ["avboka", "avbokar", "avbokade"], ["ansluta", "ansluter", "anslöt"], ["kontrollera", "kontrollerar", "kontrollerade"], ["lämna", "lämnar", "lämnade"],
    ];

    private static readonly string[] SwedishAdjectives =
    [
        "trasig", "trasiga", "trasigt", "långsam", "långsamma", "ny", "nya", "nytt", "gammal", "gamla", "felaktig", "felaktiga", "försenad", "försenade",
        "spärrad", "spärrade", "borttappad", "borttappade", "dyr", "dyra", "gratis", "tyst", "röd", "röda", "grön", "gröna",
    ];

    private static readonly string[] SwedishSmall =
    [
        "och", "att", "det", "som", "en", "ett", "på", "i", "för", "med", "inte", "du", "vi", "kan", "om", "är", "har", "till", "från", "din", "ditt",
        "efter", "innan", "när", "så", "men", "eller", "också", "alltid", "ibland", "dagar", "timme", "minuter",
    ];

    private static readonly string[][] EnglishNouns =
    [
        ["invoice", "invoices"], ["router", "routers"], ["ticket", "tickets"], ["subscription", "subscriptions"], ["password", "passwords"], ["fee", "fees"],
        ["journey", "journeys"], ["train", "trains"], ["card", "cards"], ["account", "accounts"], ["address", "addresses"], ["cable", "cables"],
        ["network", "networks"], ["phone", "phones"], ["station", "stations"], ["delay", "delays"], ["refund", "refunds"], ["payment", "payments"],
        ["booking", "bookings"], ["delivery", "deliveries"], ["parcel", "parcels"], ["shop", "shops"], ["receipt", "receipts"], ["carriage", "carriages"],
        ["seat", "seats"], ["speed", "speeds"], ["update", "updates"], ["login", "logins"], ["app", "apps"], ["screen", "screens"], ["modem", "modems"],
        ["signal", "signals"], ["technician", "technicians"], ["visit", "visits"], ["discount", "discounts"], ["number", "numbers"], ["contract", "contracts"],
        ["broadband", "broadband"], ["railcard", "railcards"], ["voicemail", "voicemails"], ["timetable", "timetables"], ["smartphone", "smartphones"],
        ["wallet", "wallets"], ["bicycle", "bicycles"], ["luggage", "luggage"], ["queue", "queues"], ["email", "emails"], ["platform", "platforms"],
    ];

    private static readonly string[][] EnglishVerbs =
    [
        ["pay", "pays", "paid", "paying"], ["book", "books", "booked"], ["start", "starts", "started", "starting"], ["change", "changes", "changed", "changing"],
        ["work", "works", "worked", "working"], ["charge", "charges", "charged", "charging"], ["cancel", "cancels", "cancelled", "cancelling"],
        ["connect", "connects", "connected", "connecting"], ["restart", "restarts", "restarted"], ["move", "moves", "moved", "moving"],
        ["send", "sends", "sent", "sending"], ["check", "checks", "checked", "checking"], ["return", "returns", "returned"], ["lose", "loses", "lost"],
    ];

    private static readonly string[] EnglishAdjectives =
    [
        "broken", "slow", "new", "old", "wrong", "delayed", "missing", "blocked", "free", "expensive", "quiet", "red", "green", "lost", "faulty",
    ];

    private static readonly string[] EnglishSmall =
    [
        "the", "a", "and", "to", "of", "in", "on", "for", "with", "not", "you", "we", "can", "if", "is", "has", "from", "your", "after", "before",
        "when", "so", "but", "or", "also", "always", "sometimes", "days", "hour", "minutes",
    ];

    private static readonly string[] Syllables =
    [
        "lu", "ma", "vik", "tre", "no", "va", "sol", "berg", "ka", "ri", "den", "sta", "el", "lin", "mo", "ra", "tor", "sun", "da", "hel", "ne", "po", "kor",
    ];

    private readonly Random _random;
    private readonly string[] _names;

    public Vocabulary(Random random)
    {
        _random = random;
        _names = [.. Enumerable.Range(0, 4000).Select(_ => Name()).Distinct(StringComparer.Ordinal)];
    }

    public (string Title, string Body) Article(ArticleLanguage language)
    {
        var title = string.Join(' ', Enumerable.Range(0, _random.Next(3, 7)).Select(_ => TitleWord(language)));
        var sentences = Enumerable.Range(0, _random.Next(4, 10)).Select(_ => Sentence(language, _random.Next(6, 15)));
        return (Capital(title), string.Join(' ', sentences));
    }

    public List<BenchQuery> Queries(int count)
    {
        var kinds = new Func<BenchQuery>[]
        {
            () => new("sv word", SwedishNoun(), null, false, 20),
            () => new("sv compound", Compound(), null, false, 20),
            () => new("sv question", Sentence(ArticleLanguage.Swedish, _random.Next(4, 9)).TrimEnd('.'), null, false, 20),
            () => new("sv typo", Typo(_random.Next(2) == 0 ? Compound() : SwedishNoun() + " " + Pick(SwedishAdjectives)), null, false, 20),
            () => new("en word", Pick(Pick(EnglishNouns)), null, false, 20),
            () => new("en question", Sentence(ArticleLanguage.English, _random.Next(4, 9)).TrimEnd('.'), null, false, 20),
            () => new("en typo", Typo(Pick(EnglishAdjectives) + " " + Pick(Pick(EnglishNouns))), null, false, 20),
            () => new("name (rare word)", Pick(_names), null, false, 20),
            // As QueueBot asks: in the chat's language.
            () => _random.Next(2) == 0
                ? new("bot: chat message, public", SwedishNoun() + " " + Pick(Pick(SwedishVerbs)), ArticleLanguage.Swedish, true, 5)
                : new("bot: chat message, public", Pick(Pick(EnglishNouns)) + " " + Pick(Pick(EnglishVerbs)), ArticleLanguage.English, true, 5),
            () => CaseText(),
        };
        return [.. Enumerable.Range(0, count).Select(i => kinds[i % kinds.Length]())];
    }

    private BenchQuery CaseText()
    {
        var language = _random.Next(2) == 0 ? ArticleLanguage.Swedish : ArticleLanguage.English;
        var text = string.Join(' ', Enumerable.Range(0, _random.Next(4, 7)).Select(_ => Sentence(language, _random.Next(8, 13))));
        // As SuggestArticles asks: the first 60 words, five results, the case's language.
        return new("case text (60 words)", string.Join(' ', text.Split(' ').Take(60)), language, false, 5);
    }

    private string TitleWord(ArticleLanguage language) => language switch
    {
        ArticleLanguage.Swedish => _random.Next(4) switch { 0 => Compound(), 1 => Pick(Pick(SwedishVerbs)), 2 => Pick(SwedishAdjectives), _ => SwedishNoun() },
        ArticleLanguage.English => _random.Next(4) switch { 0 => Pick(Pick(EnglishVerbs)), 1 => Pick(EnglishAdjectives), _ => Pick(Pick(EnglishNouns)) },
    };

    private string Sentence(ArticleLanguage language, int length)
    {
        var words = Enumerable.Range(0, length).Select(_ => Word(language));
        return Capital(string.Join(' ', words)) + ".";
    }

    private string Word(ArticleLanguage language)
    {
        var roll = _random.Next(100);
        if (roll < 4)
            return Pick(_names);
        return language switch
        {
            ArticleLanguage.Swedish => roll switch
            {
                < 40 => Pick(SwedishSmall),
                < 55 => SwedishNoun(),
                < 70 => Compound(),
                < 88 => Pick(Pick(SwedishVerbs)),
                _ => Pick(SwedishAdjectives),
            },
            ArticleLanguage.English => roll switch
            {
                < 42 => Pick(EnglishSmall),
                < 70 => Pick(Pick(EnglishNouns)),
                < 88 => Pick(Pick(EnglishVerbs)),
                _ => Pick(EnglishAdjectives),
            },
        };
    }

    private string SwedishNoun() => Pick(Pick(SwedishNouns));

    private string Compound()
    {
        var modifier = Pick(SwedishModifiers);
        var head = Pick(Pick(SwedishNouns));
        return modifier.EndsWith(head[0]) ? modifier + head[1..] : modifier + head;
    }

    private string Typo(string text)
    {
        var words = text.Split(' ');
        var which = _random.Next(words.Length);
        var word = words[which];
        if (word.Length >= 5)
        {
            var at = _random.Next(1, word.Length - 1);
            words[which] = _random.Next(3) switch
            {
                0 => word.Remove(at, 1),
                1 => word[..at] + word[at + 1] + word[at] + word[(at + 2)..],
                _ => word[..at] + (char)('a' + _random.Next(26)) + word[(at + 1)..],
            };
        }

        return string.Join(' ', words);
    }

    private string Name() => Capital(string.Concat(Enumerable.Range(0, _random.Next(2, 4)).Select(_ => Syllables[_random.Next(Syllables.Length)])));

    // Skewed: the first words of a list are picked far more often than the last, as in real text.
    private T Pick<T>(IReadOnlyList<T> list) => list[(int)(list.Count * Math.Pow(_random.NextDouble(), 2.0))];

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
