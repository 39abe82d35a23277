using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Moment.Application.Knowledge;
using Moment.Domain.Knowledge;

namespace Moment.Bench.KnowledgeSearch;

internal static class SearchBench
{
    private static void Main(string[] args)
    {
        // Usage: dotnet run -c Release --project bench/Knowledge.Search -- [articles] [queries]
        var articleCount = int.Parse(args.ElementAtOrDefault(0) ?? "100000", CultureInfo.InvariantCulture);
        var queryCount = int.Parse(args.ElementAtOrDefault(1) ?? "1000", CultureInfo.InvariantCulture);
        var random = new Random(20261203);
        // The figures are wall-clock time on whatever else the machine is doing: say how busy it was.
        if (File.Exists("/proc/loadavg"))
            Console.WriteLine($"Load average at start: {File.ReadAllText("/proc/loadavg").Trim()} ({Environment.ProcessorCount} cores).");
        var words = new Vocabulary(random);

        var clock = Stopwatch.StartNew();
        var now = new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero);
        var owner = Guid.CreateVersion7();
        var articles = new List<KnowledgeArticle>(articleCount);
        for (var i = 0; i < articleCount; i++)
        {
            var language = i % 2 == 0 ? ArticleLanguage.Swedish : ArticleLanguage.English;
            var (title, body) = words.Article(language);
            var visibility = i % 3 == 0 ? ArticleVisibility.Internal : ArticleVisibility.Public;
            articles.Add(KnowledgeArticle.Write(language, title, body, visibility, owner, DateOnly.FromDateTime(now.UtcDateTime).AddMonths(6), owner, now).Article);
        }

        var generated = clock.Elapsed;
        var characters = articles.Sum(a => (long)a.Title.Length + a.Body.Length);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Generated {articleCount:N0} articles ({characters / articleCount:N0} characters on average) in {generated.TotalSeconds:0.0} s."));

        using var index = new KnowledgeIndex();
        clock.Restart();
        index.Rebuild(articles);
        var built = clock.Elapsed;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Rebuild (KnowledgeIndex.Rebuild, in memory): {index.Count:N0} articles in {built.TotalSeconds:0.0} s = {articleCount / built.TotalSeconds:N0} articles/s."));

        // One save on a running instance: KnowledgeIndex.Put, as WriteArticle and ReviseArticle call it.
        const int saves = 200;
        var putTimes = new double[saves];
        for (var i = 0; i < saves; i++)
        {
            var language = i % 2 == 0 ? ArticleLanguage.Swedish : ArticleLanguage.English;
            var (title, body) = words.Article(language);
            var article = KnowledgeArticle.Write(language, title, body, ArticleVisibility.Public, owner, DateOnly.FromDateTime(now.UtcDateTime).AddMonths(6), owner, now).Article;
            var started = Stopwatch.GetTimestamp();
            index.Put(article);
            putTimes[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        // The first queries after start run partly unoptimised code (.NET compiles a method fully only after it has
        // been called a few dozen times; a typo's fuzzy expansion is met in one query of five): they are measured and
        // shown apart, then the same number of fresh queries is measured as a server that has been running answers them.
        var cold = Measure(index, words.Queries(queryCount));
        var queries = words.Queries(queryCount);
        var warm = Measure(index, queries);

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Search (KnowledgeIndex.Search, in-process, one thread), {queries.Count:N0} queries after {queryCount:N0} others:"));
        Table(warm.Wall);
        Row("one save (Put), 200", [.. putTimes.Select(t => ("put", t, 1))]);

        // On a shared machine most of the wall-clock time is waiting for a core: the searching thread's own CPU time
        // is what a query costs, whatever else runs.
        Console.WriteLine();
        Console.WriteLine("The same queries, the searching thread's CPU time:");
        Table(warm.Cpu);

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"The first {queryCount:N0} queries after start (the code still being optimised), the searching thread's CPU time:"));
        Table(cold.Cpu);

        // The tail: which queries cost the most, and whether a collection ran during them.
        Console.WriteLine();
        Console.WriteLine("The five slowest queries after the first ones (CPU ms, query, garbage collections gen 0/1/2 during it, allocated):");
        foreach (var slow in warm.Slowest.OrderByDescending(s => s.Ms).Take(5))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"- {slow.Ms:0.0} {slow.Kind}: \"{slow.Text}\", {slow.Collections}, {slow.Allocated / 1024:N0} KiB"));

        // Where the time goes: the same queries asking for one result and for twenty. Each result is a stored document
        // read and a snippet made by the Highlighter (the body analysed again), so the difference is the cost of results.
        var sample = queries.Where(q => q.Max == 20).Take(300).ToList();
        var one = sample.Select(q => Time(() => index.Search(q.Text, q.Language, q.PublicOnly, 1))).Order().ToArray();
        var twenty = sample.Select(q => Time(() => index.Search(q.Text, q.Language, q.PublicOnly, 20))).Order().ToArray();
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Where the time goes ({sample.Count} search-page queries): 1 result p50 {one[one.Length / 2]:0.00} ms, 20 results p50 {twenty[twenty.Length / 2]:0.00} ms; about {(twenty[twenty.Length / 2] - one[one.Length / 2]) / 19:0.00} ms a result (document and snippet)."));
    }

    private static Measured Measure(KnowledgeIndex index, List<BenchQuery> queries)
    {
        var measured = new Measured([], [], []);
        foreach (var query in queries)
        {
            var collections = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            var cpuStart = ThreadCpuMs();
            var hits = index.Search(query.Text, query.Language, query.PublicOnly, query.Max);
            var cpu = ThreadCpuMs() - cpuStart;
            var wall = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            measured.Cpu.Add((query.Kind, cpu, hits.Count));
            measured.Wall.Add((query.Kind, wall, hits.Count));
            measured.Slowest.Add((query.Kind, query.Text, cpu,
                $"{GC.CollectionCount(0) - collections.Item1}/{GC.CollectionCount(1) - collections.Item2}/{GC.CollectionCount(2) - collections.Item3}",
                GC.GetAllocatedBytesForCurrentThread() - allocated));
        }

        return measured;
    }

    private static void Table(List<(string Kind, double Ms, int Hits)> times)
    {
        Console.WriteLine("| queries | n | with hits | p50 ms | p95 ms | p99 ms | max ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var kind in times.GroupBy(t => t.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
            Row(kind.Key, [.. kind]);
        Row("**all**", times);
    }

    private static double Time(Action search)
    {
        var start = Stopwatch.GetTimestamp();
        search();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    // CLOCK_THREAD_CPUTIME_ID: Linux only; elsewhere the CPU table is empty of meaning (NaN).
    private static double ThreadCpuMs() =>
        OperatingSystem.IsLinux() && NativeMethods.clock_gettime(3, out var time) == 0 ? time.Seconds * 1e3 + time.Nanoseconds / 1e6 : double.NaN;

    private static void Row(string name, List<(string Kind, double Ms, int Hits)> times)
    {
        var sorted = times.Select(t => t.Ms).Order().ToArray();
        double Percentile(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {sorted.Length} | {times.Count(t => t.Hits > 0)} | {Percentile(0.50):0.00} | {Percentile(0.95):0.00} | {Percentile(0.99):0.00} | {sorted[^1]:0.00} |"));
    }
}

internal sealed record Measured(
    List<(string Kind, double Ms, int Hits)> Wall,
    List<(string Kind, double Ms, int Hits)> Cpu,
    List<(string Kind, string Text, double Ms, string Collections, long Allocated)> Slowest);

internal static class NativeMethods
{
    [StructLayout(LayoutKind.Sequential)]
    internal struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    internal static extern int clock_gettime(int clock, out Timespec time);
}
