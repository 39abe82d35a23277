using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Moment.Bench.DeskMillion;

/// <summary>
/// Fills a database that has the demo operator (<c>SeedDemoData</c>, what <c>moment db seed-demo</c> runs) up to 100 teams
/// of ten agents, a customer for every two cases, and the cases with their timelines. Everything is made by the server
/// (<c>INSERT ... SELECT generate_series</c>), so a million cases take minutes, not the hours of one EF insert each.
/// </summary>
/// <remarks>
/// A contact is what <c>Case.RecordContact</c> writes: a timeline entry of kind Contact with its door and direction (a
/// call, a visit, an email taken by staff). Each case has its Created entry and 1–5 contacts, 3 on average. Ids are
/// md5 of a name and a number, so every row can be found again from its number without reading it back.
/// </remarks>
internal static class DeskFill
{
    public const int Teams = 100;
    public const int AgentsPerTeam = 10;
    public const string TeamPrefix = "Desk ";
    private const int Chunk = 100_000;

    private static readonly string[] FirstNames =
    [
        "Anna", "Eva", "Maria", "Karin", "Sara", "Lena", "Kerstin", "Emma", "Ingrid", "Åsa", "Malin", "Linnéa", "Sofia",
        "Birgitta", "Elin", "Marie", "Johanna", "Hanna", "Ida", "Agneta", "Lars", "Mikael", "Anders", "Johan", "Erik",
        "Per", "Karl", "Peter", "Jan", "Thomas", "Daniel", "Fredrik", "Hans", "Mohammed", "Bengt", "Björn", "Mats",
        "Magnus", "Nils", "Jörgen", "Ali", "Fatima", "Yasmin", "Omar", "Aino", "Mikko", "Jonas", "Oskar", "Ella", "Noah",
    ];

    private static readonly string[] LastNames =
    [
        "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson",
        "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson", "Bengtsson", "Jönsson", "Lindberg", "Jakobsson",
        "Magnusson", "Lindström", "Olofsson", "Lindqvist", "Lindgren", "Berg", "Axelsson", "Bergström", "Lundberg",
        "Lundgren", "Lind", "Mattsson", "Berglund", "Fredriksson", "Sandberg", "Henriksson", "Forsberg", "Sjöberg",
        "Wallin", "Engström", "Danielsson", "Håkansson", "Eklund", "Lundin", "Gunnarsson", "Holm", "Samuelsson",
        "Fransson", "Bergqvist", "Nyström", "Holmberg", "Arvidsson", "Haddad", "Yilmaz", "Korhonen", "Virtanen",
        "Nguyen", "Ahmadi", "Hussein", "Nordin", "Strand", "Ek",
    ];

    private static readonly string[] Subjects =
    [
        "Bredbandet går ner varje kväll", "Fakturan är för hög", "Flytt av abonnemang", "Routern blinkar rött",
        "Ingen signal i fasta telefonen", "Dubbeldebitering i oktober", "Byte av betalningssätt", "Tv-boxen startar om",
        "Klagomål på tekniker", "Vill säga upp avtalet", "Wifi når inte övervåningen", "Ny mobil, nummerflytt",
        "The invoice shows the wrong address", "Internet is slow in the evenings", "Cancel the extra service",
        "Refund for the outage in May", "Modem does not start", "Change of owner", "Payment reminder by mistake",
        "Question about the price change",
    ];

    private static readonly string[] Contacts =
    [
        "Kunden ringde och beskrev felet; vi felsökte routern tillsammans.",
        "Kunden hörde av sig igen: felet kvarstår efter omstart.",
        "Ringde upp kunden som lovat och berättade läget.",
        "Kunden mejlade en skärmbild av fakturan.",
        "Kunden kom till butiken med routern.",
        "Called the customer back: the technician comes on Thursday.",
        "The customer asked when the refund arrives.",
        "Spoke with the customer's son, who helps with the account.",
    ];

    // What the customer said, two of these a case, and a fault code (one in 9,973, ~100 cases each at a million): the
    // words the full-text search finds, common ("routern", in one case in six) and rare ("e1234").
    private static readonly string[] Descriptions =
    [
        "Kunden berättar att routern tappar anslutningen flera gånger om dagen.",
        "Fakturan för oktober är dubbelt så hög som vanligt och kunden vill ha en förklaring.",
        "Kunden har flyttat och vill ta med abonnemanget till den nya adressen.",
        "Tv-boxen visar svart bild efter uppdateringen i går kväll.",
        "Teknikern kom aldrig på det bokade besöket och kunden väntade hemma hela dagen.",
        "Kunden vill byta till autogiro och sluta få pappersfaktura.",
        "Fasta telefonen är helt tyst, ingen kopplingston sedan stormen.",
        "Mobilt bredband fungerar inte utomlands trots att kunden köpt tillägget.",
        "The customer says the modem restarts every night around midnight.",
        "The invoice was sent to the old address after the move.",
        "The customer was charged twice for the same month and wants a refund.",
        "Streaming stops in the evenings; speed tests show a tenth of the promised speed.",
    ];

    /// <summary>The customers the cases are about: one for every two cases, at least one.</summary>
    public static int CustomersFor(int cases) => Math.Max(cases / 2, 1);

    public static async Task FillAsync(NpgsqlDataSource database, int cases, DateTimeOffset now)
    {
        await using var connection = await database.OpenConnectionAsync();
        var clock = Stopwatch.StartNew();
        var demoTeams = await ScalarAsync<long>(connection, "SELECT count(*) FROM \"Teams\"");
        var teams = Teams - (int)demoTeams;
        var agents = teams * AgentsPerTeam;
        var customers = CustomersFor(cases);
        var numberBase = await ScalarAsync<long>(connection, "SELECT last_value FROM case_numbers");

        // The demo's password on every generated agent (they can sign in); the demo's first team's opening hours.
        await ExecuteAsync(connection, """
            INSERT INTO "Teams" ("Id", "Name", "Calendar")
            SELECT md5('team' || t)::uuid, @prefix || lpad(t::text, 3, '0'), (SELECT "Calendar" FROM "Teams" ORDER BY "Name" LIMIT 1)
            FROM generate_series(1, @teams) AS t
            """, ("prefix", TeamPrefix), ("teams", teams));
        await ExecuteAsync(connection, """
            INSERT INTO "AspNetUsers" ("Id", "DisplayName", "TeamId", "IsActive", "UserName", "NormalizedUserName", "Email",
                "NormalizedEmail", "EmailConfirmed", "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed",
                "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount")
            SELECT md5('agent' || a)::uuid, @first[1 + a % cardinality(@first)] || ' ' || @last[1 + (a / 7) % cardinality(@last)],
                md5('team' || ((a - 1) / @per + 1))::uuid, true,
                'agent' || a || '@desk.example', upper('agent' || a || '@desk.example'),
                'agent' || a || '@desk.example', upper('agent' || a || '@desk.example'), true,
                (SELECT "PasswordHash" FROM "AspNetUsers" WHERE "PasswordHash" IS NOT NULL LIMIT 1),
                upper(md5('stamp' || a)), md5('concurrency' || a)::uuid::text, false, false, true, 0
            FROM generate_series(1, @agents) AS a
            """, ("first", FirstNames), ("last", LastNames), ("per", AgentsPerTeam), ("agents", agents));
        // The first of each team's ten leads it.
        await ExecuteAsync(connection, """
            INSERT INTO "AspNetUserRoles" ("UserId", "RoleId")
            SELECT md5('agent' || a)::uuid, r."Id"
            FROM generate_series(1, @agents) AS a
            JOIN "AspNetRoles" AS r ON r."Name" = CASE WHEN a % @per = 1 THEN 'TeamLead' ELSE 'Agent' END
            """, ("agents", agents), ("per", AgentsPerTeam));
        await ExecuteAsync(connection, """
            UPDATE "Teams" SET "TeamLeadId" = md5('agent' || ((t - 1) * @per + 1))::uuid
            FROM generate_series(1, @teams) AS t WHERE "Teams"."Id" = md5('team' || t)::uuid
            """, ("per", AgentsPerTeam), ("teams", teams));
        Console.WriteLine(Invariant($"  {teams} teams and {agents:N0} agents in {clock.Elapsed.TotalSeconds:0.0} s (the demo has {demoTeams})."));

        // Names as the app stores them: SearchName is the name lower-cased in .NET (Customer.Register), so lower-cased here too.
        clock.Restart();
        var firstLower = FirstNames.Select(n => n.ToLowerInvariant()).ToArray();
        var lastLower = LastNames.Select(n => n.ToLowerInvariant()).ToArray();
        for (var from = 1; from <= customers; from += Chunk)
        {
            var to = Math.Min(from + Chunk - 1, customers);
            await ExecuteAsync(connection, """
                INSERT INTO "Customers" ("Id", "Name", "SearchName", "CreatedAt")
                SELECT md5('customer' || c)::uuid, @first[f] || ' ' || @last[l], @firstLower[f] || ' ' || @lastLower[l],
                    @now - interval '3 years' + (c::float8 / @customers) * interval '2 years'
                FROM generate_series(@from, @to) AS c,
                    LATERAL (SELECT 1 + (hashint4(c) & 2147483647) % cardinality(@first) AS f,
                                    1 + (hashint4(-c) & 2147483647) % cardinality(@last) AS l) AS pick
                """, ("first", FirstNames), ("last", LastNames), ("firstLower", firstLower), ("lastLower", lastLower),
                ("now", now), ("customers", customers), ("from", from), ("to", to));
            // A mobile number each (+4670 and seven digits: 070-xxx xx xx as people write it), an address for every other.
            await ExecuteAsync(connection, """
                INSERT INTO "CustomerPhoneNumbers" ("E164", "CustomerId")
                SELECT '+4670' || lpad(c::text, 7, '0'), md5('customer' || c)::uuid FROM generate_series(@from, @to) AS c
                """, ("from", from), ("to", to));
            await ExecuteAsync(connection, """
                INSERT INTO "CustomerEmailAddresses" ("Address", "CustomerId")
                SELECT 'kund' || c || '@example.se', md5('customer' || c)::uuid FROM generate_series(@from, @to) AS c WHERE c % 2 = 0
                """, ("from", from), ("to", to));
        }

        Console.WriteLine(Invariant($"  {customers:N0} customers with a phone number each in {clock.Elapsed.TotalSeconds:0.0} s."));

        // Cases over the last two years, oldest first; those of the last 30 days, and one in twenty older ones, still open.
        // Each case's Created entry and its contacts are written by the same statement as the case.
        clock.Restart();
        var types = await ScalarAsync<Guid[]>(connection, "SELECT array_agg(\"Id\" ORDER BY \"Name\") FROM \"CaseTypes\"");
        string[] doors = ["Phone", "Email", "Chat", "Shop", "Phone", "Web"];
        for (var from = 1; from <= cases; from += Chunk)
        {
            var to = Math.Min(from + Chunk - 1, cases);
            await ExecuteAsync(connection, """
                WITH made AS (
                    INSERT INTO "Cases" ("Id", "Number", "CustomerId", "CaseTypeId", "Subject", "Description", "Status", "ObjectionDeadline", "Priority", "TeamId",
                        "OwnerId", "FirstDoor", "CreatedAt", "UpdatedAt", "CustomerToken", "FirstResponseAt", "ResolvedAt",
                        "HandOffCount", "DeclineCount", "EscalationCount", "ReopenCount", "RepeatContactCount",
                        "EscalatedForHandOffs", "EscalatedForDeclines", "Version")
                    SELECT md5('case' || i)::uuid,
                        'M-' || extract(year FROM created AT TIME ZONE 'UTC')::int || '-' || lpad((@base + i)::text, greatest(6, length((@base + i)::text)), '0'),
                        md5('customer' || (1 + (hashint4(i) & 2147483647) % @customers))::uuid,
                        @types[1 + i % cardinality(@types)],
                        @subjects[1 + (hashint4(i + 7) & 2147483647) % cardinality(@subjects)],
                        @descriptions[1 + (hashint4(i + 11) & 2147483647) % cardinality(@descriptions)] || ' '
                            || @descriptions[1 + (hashint4(i + 13) & 2147483647) % cardinality(@descriptions)] || ' Felkod E' || (i % 9973) || '.',
                        CASE WHEN open AND i % 7 = 0 THEN 'ProposedSolved' WHEN open THEN 'Open' WHEN i % 3 = 0 THEN 'ResolvedBySilence' ELSE 'Resolved' END,
                        CASE WHEN open AND i % 7 = 0 THEN @now + interval '5 days' END,
                        CASE WHEN i % 23 = 0 THEN 'Urgent' WHEN i % 11 = 0 THEN 'High' WHEN i % 5 = 0 THEN 'Low' ELSE 'Normal' END,
                        md5('team' || team)::uuid,
                        md5('agent' || ((team - 1) * @per + 1 + (i / @teams) % @per))::uuid,
                        @doors[1 + i % cardinality(@doors)],
                        created, updated, md5('token' || i) || md5('token again' || i), created + interval '20 minutes',
                        CASE WHEN open THEN NULL ELSE updated END,
                        0, CASE WHEN escalated THEN 2 ELSE 0 END, CASE WHEN escalated THEN 1 ELSE 0 END, 0, 0,
                        false, escalated, 1
                    FROM generate_series(@from, @to) AS i,
                        LATERAL (SELECT 1 + i % @teams AS team,
                                        @now - ((@cases - i)::float8 / @cases) * interval '730 days' AS created) AS c,
                        LATERAL (SELECT least(@now, created + ((hashint4(i + 3) & 2147483647) % 1209600) * interval '1 second') AS updated,
                                        created > @now - interval '30 days' OR i % 20 = 0 AS open) AS u,
                        LATERAL (SELECT open AND i % 50 = 0 AS escalated) AS e
                    RETURNING "Id", "Subject", "OwnerId", "TeamId", "CreatedAt", "UpdatedAt"
                )
                INSERT INTO "CaseEvents" ("CaseId", "Kind", "At", "ActorId", "Text", "IsPublic", "Door", "Direction", "SubjectUserId", "SubjectTeamId")
                SELECT made."Id", 'Created', made."CreatedAt", made."OwnerId", made."Subject", false, NULL, NULL, made."OwnerId", made."TeamId" FROM made
                UNION ALL
                SELECT made."Id", 'Contact', made."CreatedAt" + (made."UpdatedAt" - made."CreatedAt") * k / (n + 1), made."OwnerId",
                    @contacts[1 + (k + (hashtext(made."Id"::text) & 2147483647)) % cardinality(@contacts)], false,
                    @doors[1 + (k + (hashtext(made."Id"::text) & 2147483647)) % cardinality(@doors)],
                    CASE WHEN k % 2 = 1 THEN 'Inbound' ELSE 'Outbound' END, NULL, NULL
                FROM made, LATERAL (SELECT 1 + (hashtext(made."Id"::text) & 2147483647) % 5 AS n) AS c, generate_series(1, n) AS k
                """,
                ("base", numberBase), ("customers", customers), ("types", types), ("subjects", Subjects), ("per", AgentsPerTeam),
                ("teams", teams), ("doors", doors), ("now", now), ("cases", cases), ("from", from), ("to", to), ("contacts", Contacts), ("descriptions", Descriptions));
            Console.WriteLine(Invariant($"  {to:N0} cases ({to / clock.Elapsed.TotalSeconds:N0}/s)"));
        }

        // Offers to a team (one open case in 40, to another team, for a day) and promises (one open case in ten, due from a
        // day ago to two days ahead: open, or broken when past): what the views "team offers" and "promises due today" read.
        await ExecuteAsync(connection, """
            INSERT INTO "HandOffs" ("Id", "CaseId", "OfferedById", "ToUserId", "ToTeamId", "Summary", "Reason", "OfferedAt", "ExpiresAt", "State", "OffererKeeps")
            SELECT md5('offer' || c."Id")::uuid, c."Id", c."OwnerId", NULL,
                md5('team' || (1 + (hashtext(c."Id"::text || 'team') & 2147483647) % @teams))::uuid,
                'Kunden behöver hjälp med fakturan; felsökning gjord.', 'Fakturafrågor', @now - interval '1 hour', @now + interval '1 day', 'Pending', '{}'
            FROM "Cases" AS c WHERE c."Status" = 'Open' AND (hashtext(c."Id"::text) & 2147483647) % 40 = 0
            """, ("teams", teams), ("now", now));
        await ExecuteAsync(connection, """
            INSERT INTO "Commitments" ("Id", "CaseId", "Kind", "What", "MadeById", "KeeperId", "TeamId", "MadeAt", "Deadline", "State", "BrokenAt", "KeptLate")
            SELECT md5('promise' || c."Id")::uuid, c."Id", 'CallBack', 'Jag ringer dig innan dagen är slut.', c."OwnerId", c."OwnerId", c."TeamId",
                @now - interval '2 days', due, CASE WHEN due < @now THEN 'Broken' ELSE 'Open' END, CASE WHEN due < @now THEN due END, false
            FROM "Cases" AS c,
                LATERAL (SELECT @now + ((hashtext(c."Id"::text || 'due') & 2147483647) % 4320 - 1440) * interval '1 minute' AS due) AS d
            WHERE c."Status" IN ('Open', 'ProposedSolved') AND (hashtext(c."Id"::text) & 2147483647) % 10 = 1
            """, ("now", now));

        // Numbers the app hands out next follow the generated ones.
        await ExecuteAsync(connection, "SELECT setval('case_numbers', @last)", ("last", numberBase + cases));
        var contacts = await ScalarAsync<long>(connection, "SELECT count(*) FROM \"CaseEvents\" WHERE \"Kind\" = 'Contact'");
        Console.WriteLine(Invariant($"  {cases:N0} cases, {contacts:N0} contacts in {clock.Elapsed.TotalSeconds:0.0} s."));

        // As a database that grew over two years would be: statistics current, the visibility map set (index-only scans).
        clock.Restart();
        await ExecuteAsync(connection, "VACUUM (ANALYZE)");
        Console.WriteLine(Invariant($"  VACUUM (ANALYZE) in {clock.Elapsed.TotalSeconds:0.0} s."));
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
