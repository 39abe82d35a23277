using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moment.Application.ApiTokens;
using Npgsql;

namespace Moment.Bench.CaseIntake;

internal static class LoadDriver
{
    private static async Task Main(string[] args)
    {
        // Usage: dotnet run -c Release --project bench/CaseIntake.Load -- [sqlite|postgres|both] [requests per run] [seconds per run]
        // PostgreSQL needs MOMENT_TEST_POSTGRES (a role that may create databases; ./test.sh sets one up on port 55432).
        // WebApplicationFactory finds the app's content root this way outside a test project.
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Moment.slnx")))
            root = root.Parent;
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_MOMENT_WEB", Path.Combine(root!.FullName, "src", "Web"));
        var which = args.ElementAtOrDefault(0) ?? "both";
        var requests = int.Parse(args.ElementAtOrDefault(1) ?? "4000", CultureInfo.InvariantCulture);
        var seconds = int.Parse(args.ElementAtOrDefault(2) ?? "20", CultureInfo.InvariantCulture);

        foreach (var provider in new[] { "Sqlite", "Postgres" }.Where(p => which == "both" || string.Equals(which, p, StringComparison.OrdinalIgnoreCase)))
        {
            string connectionString;
            string? pgDatabase = null;
            if (provider == "Sqlite")
            {
                connectionString = $"Data Source={Path.Combine(Path.GetTempPath(), $"moment-load-{Guid.NewGuid():N}.db")}";
            }
            else
            {
                var admin = Environment.GetEnvironmentVariable("MOMENT_TEST_POSTGRES") ?? throw new InvalidOperationException("Set MOMENT_TEST_POSTGRES.");
                pgDatabase = $"moment_load_{Guid.NewGuid():N}";
                await Execute(admin, $"CREATE DATABASE \"{pgDatabase}\"");
                connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = pgDatabase, MaxPoolSize = 50 }.ConnectionString;
            }

            await using (var app = new LoadApp(provider, connectionString))
            {
                app.UseKestrel(0);
                app.StartServer();
                var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
                string token;
                await using (var scope = app.Services.CreateAsyncScope())
                    token = (await scope.ServiceProvider.GetRequiredService<CreateApiToken>().HandleAsync(new CreateApiTokenRequest("karin.nord@moment.test", "load", null))).Secret;
                using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri(address) };
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var found = await client.GetAsync("/api/customers?query=andersson");
                if (!found.IsSuccessStatusCode)
                    throw new InvalidOperationException($"Finding the customer: {(int)found.StatusCode} {await found.Content.ReadAsStringAsync()}");
                var customers = await found.Content.ReadFromJsonAsync<JsonElement>();
                var customerId = customers[0].GetProperty("id").GetGuid();

                // The figures are for a warm server: warm up until tiered compilation has settled (few methods compiled per round).
                for (var round = 0; round < 20 && await RunAsync(client, customerId, concurrency: 8, 1000, 15, provider, warmup: true) > 25; round++)
                {
                }

                foreach (var concurrency in new[] { 1, 8 })
                    await RunAsync(client, customerId, concurrency, requests, seconds, provider, warmup: false);
            }

            if (pgDatabase is not null)
            {
                await PostgresOwnSpeed.MeasureAsync(connectionString, seconds);
                NpgsqlConnection.ClearAllPools();
                await Execute(Environment.GetEnvironmentVariable("MOMENT_TEST_POSTGRES")!, $"DROP DATABASE IF EXISTS \"{pgDatabase}\" WITH (FORCE)");
            }
        }
    }

    private static async Task<long> RunAsync(HttpClient client, Guid customerId, int concurrency, int requests, int seconds, string provider, bool warmup)
    {
        var latencies = new double[requests];
        var next = -1;
        var failures = 0;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        // Where the time goes: this process's CPU (app and driver together), allocations and methods compiled during the run.
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var postgresBefore = PostgresCpu.Now();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var jittedBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while (!deadline.IsCancellationRequested && (i = Interlocked.Increment(ref next)) < requests)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.PostAsJsonAsync("/api/cases", new { customerId, subject = "Landline dead", description = "Load test", door = "phone" });
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if ((int)response.StatusCode != 201)
                    Interlocked.Increment(ref failures);
            }
        }));
        clock.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var postgres = PostgresCpu.Now() - postgresBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var jitted = System.Runtime.JitInfo.GetCompiledMethodCount() - jittedBefore;
        var done = Math.Min(requests, next);
        if (warmup)
            return jitted;
        var sorted = latencies.Take(done).Order().ToArray();
        double Percentile(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{provider,-8} concurrency {concurrency}: {done} cases in {clock.Elapsed.TotalSeconds:0.00} s = {done / clock.Elapsed.TotalSeconds:0} cases/s, p50 {Percentile(0.50):0.00} ms, p99 {Percentile(0.99):0.00} ms, failures {failures}; "
            + $"per case {cpu.TotalMicroseconds / done:0} µs CPU in this process{(provider == "Postgres" ? $" and {postgres.TotalMicroseconds / done:0} µs in PostgreSQL" : "")}, "
            + $"{allocated / done / 1024.0:0.0} KiB allocated; {jitted} methods compiled during the run"));
        return jitted;
    }

    private static async Task Execute(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>The real app, in Production mode with demo data and no console logging (logging would dominate the profile).</summary>
internal sealed class LoadApp(string provider, string connectionString) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", provider);
        builder.UseSetting("ConnectionStrings:Moment", connectionString);
        builder.UseSetting("Demo:Enabled", "true");
        // Production answers only its configured hosts; the driver calls the loopback address.
        builder.UseSetting("AllowedHosts", "127.0.0.1");
        builder.ConfigureLogging(logging => logging.ClearProviders());
    }
}
