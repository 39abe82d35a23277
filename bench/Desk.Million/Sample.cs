using System.Globalization;
using Npgsql;

namespace Moment.Bench.DeskMillion;

/// <summary>
/// What the measured requests ask for, drawn once from the filled database with a fixed seed: generated agents (with
/// their teams), case numbers, and the names and numbers of the customers those cases are about. Iteration i takes the
/// i-th of each, so every run asks the same things.
/// </summary>
internal sealed class Sample
{
    private const int Size = 1000;

    private readonly List<(Guid Id, Guid Team)> _agents = [];
    private readonly List<string> _numbers = [];
    private readonly List<string> _names = [];
    private readonly List<string> _phones = [];

    public string Describe { get; private set; } = "";

    public (Guid Id, Guid Team) Agent(int i) => _agents[Index(i, _agents.Count)];

    public string Number(int i) => _numbers[Index(i, _numbers.Count)];

    /// <summary>A customer's name as written: "Karin Lindqvist" (one of 3,000 pairs of first and last name, each shared by ~170 customers at a million cases).</summary>
    public string FullName(int i) => _names[Index(i, _names.Count)];

    /// <summary>The first five letters of a surname, lower case: "lindq" (one customer in sixty).</summary>
    public string SurnamePart(int i)
    {
        var surname = FullName(i).Split(' ')[1];
        return surname[..Math.Min(5, surname.Length)].ToLowerInvariant();
    }

    /// <summary>The fewest letters a search takes: the first two of a first name ("ka", "mi"), which other names hold too, or only names late in the alphabet.</summary>
    /// <summary>A fault code the fill writes into descriptions (<c>Felkod E1234</c>): about 100 cases each at a million.</summary>
    public string FaultCode(int i) => string.Create(CultureInfo.InvariantCulture, $"e{Index(i, 9973)}");

    public string TwoLetters(int i) => FullName(i)[..2].ToLowerInvariant();

    /// <summary>The number as people say it: 070-123 45 67.</summary>
    public string Phone(int i)
    {
        var e164 = _phones[Index(i, _phones.Count)];
        var national = "0" + e164[3..];
        return string.Create(CultureInfo.InvariantCulture, $"{national[..3]}-{national[3..6]} {national[6..8]} {national[8..]}");
    }

    public static async Task<Sample> LoadAsync(string connectionString)
    {
        var sample = new Sample();
        await using var data = NpgsqlDataSource.Create(connectionString);
        await using var connection = await data.OpenConnectionAsync();
        await using (var seed = new NpgsqlCommand("SELECT setseed(0.20261203)", connection))
            await seed.ExecuteNonQueryAsync();
        await using (var agents = new NpgsqlCommand(
            "SELECT \"Id\", \"TeamId\" FROM \"AspNetUsers\" WHERE \"Email\" LIKE '%@desk.example' ORDER BY random() LIMIT @size", connection))
        {
            agents.Parameters.AddWithValue("size", Size);
            await using var reader = await agents.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                sample._agents.Add((reader.GetGuid(0), reader.GetGuid(1)));
        }

        // Cases picked evenly over the whole table (every thousandth by number): old and new, open and resolved.
        await using (var cases = new NpgsqlCommand("""
            SELECT k."Number", c."Name", p."E164"
            FROM (SELECT "Number", "CustomerId", row_number() OVER (ORDER BY random()) AS r FROM "Cases") AS k
            JOIN "Customers" AS c ON c."Id" = k."CustomerId"
            JOIN LATERAL (SELECT "E164" FROM "CustomerPhoneNumbers" WHERE "CustomerId" = c."Id" LIMIT 1) AS p ON true
            WHERE k.r <= @size
            """, connection))
        {
            cases.Parameters.AddWithValue("size", Size);
            await using var reader = await cases.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                sample._numbers.Add(reader.GetString(0));
                var name = reader.GetString(1);
                if (name.Contains(' ', StringComparison.Ordinal))
                    sample._names.Add(name);
                if (reader.GetString(2).StartsWith("+4670", StringComparison.Ordinal))
                    sample._phones.Add(reader.GetString(2));
            }
        }

        await using (var counts = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM "Teams"), (SELECT count(*) FROM "AspNetUsers"), (SELECT count(*) FROM "Customers"),
                   (SELECT count(*) FROM "Cases"), (SELECT count(*) FROM "CaseEvents" WHERE "Kind" = 'Contact'),
                   pg_size_pretty(pg_database_size(current_database()))
            """, connection))
        {
            await using var reader = await counts.ExecuteReaderAsync();
            await reader.ReadAsync();
            sample.Describe = string.Create(CultureInfo.InvariantCulture,
                $"{reader.GetInt64(0):N0} teams, {reader.GetInt64(1):N0} staff, {reader.GetInt64(2):N0} customers, {reader.GetInt64(3):N0} cases, {reader.GetInt64(4):N0} contacts, {reader.GetString(5)}.");
        }

        return sample;
    }

    // Warm-up iterations come as negative numbers: they take the sample from its end.
    private static int Index(int i, int count) => ((i % count) + count) % count;
}
