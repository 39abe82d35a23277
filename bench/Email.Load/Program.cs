using System.Diagnostics;
using System.Globalization;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MimeKit;
using Moment.Application.Data;
using Moment.Application.Email;
using Moment.TestSupport;
using Moment.Web.Features.Email;
using Npgsql;

namespace Moment.Bench.Email;

internal static class LoadDriver
{
    private const string Mailbox = "kundservice@moment.test";

    private static async Task Main(string[] args)
    {
        // Usage: dotnet run -c Release --project bench/Email.Load -- [sqlite|postgres] [smtp messages] [concurrency] [imap messages]
        // PostgreSQL needs MOMENT_TEST_POSTGRES; IMAP needs Debian's dovecot-imapd (./test.sh installs both).
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Moment.slnx")))
            root = root.Parent;
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_MOMENT_WEB", Path.Combine(root!.FullName, "src", "Web"));
        var provider = string.Equals(args.ElementAtOrDefault(0), "sqlite", StringComparison.OrdinalIgnoreCase) ? "Sqlite" : "Postgres";
        var messages = int.Parse(args.ElementAtOrDefault(1) ?? "10000", CultureInfo.InvariantCulture);
        var concurrency = int.Parse(args.ElementAtOrDefault(2) ?? "8", CultureInfo.InvariantCulture);
        var imapMessages = int.Parse(args.ElementAtOrDefault(3) ?? "10000", CultureInfo.InvariantCulture);

        string connectionString;
        string? pgDatabase = null;
        if (provider == "Sqlite")
        {
            connectionString = $"Data Source={Path.Combine(Path.GetTempPath(), $"moment-email-load-{Guid.NewGuid():N}.db")}";
        }
        else
        {
            var admin = Environment.GetEnvironmentVariable("MOMENT_TEST_POSTGRES") ?? throw new InvalidOperationException("Set MOMENT_TEST_POSTGRES.");
            pgDatabase = $"moment_email_load_{Guid.NewGuid():N}";
            await ExecuteAsync(admin, $"CREATE DATABASE \"{pgDatabase}\"");
            connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = pgDatabase, MaxPoolSize = 50 }.ConnectionString;
        }

        // The floor: the same SMTP exchange and MIME parse with nothing stored, so that the figure below says how much of
        // each message's time is the door's own work (the look-ups and writes) and how much the protocol's.
        await ProtocolAloneAsync(messages, concurrency);

        await using (var imap = await DovecotServer.StartAsync(Mailbox))
        await using (var app = new EmailLoadApp(provider, connectionString, FreePort(), imap.Port))
        {
            await app.Services.GetRequiredService<SmtpListenerState>().Listening.WaitAsync(TimeSpan.FromSeconds(60));
            // Warm up (tiered compilation, pools), then the measured run on fresh senders.
            await WarmAsync(app.SmtpPort, "warm", concurrency, provider);
            await SendAllAsync(app.SmtpPort, "run", messages, concurrency, report: true, provider);
            await PollAsync(app, imap, imapMessages, provider);
        }

        if (pgDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(Environment.GetEnvironmentVariable("MOMENT_TEST_POSTGRES")!, $"DROP DATABASE IF EXISTS \"{pgDatabase}\" WITH (FORCE)");
        }
    }

    /// <summary>
    /// Rounds of 2,000 messages until .NET has finished compiling what they run: until a round spends under 2 % of its
    /// time in the JIT (at most ten rounds). With a fixed 2,000, the measured run still spent a third to a half of a core
    /// in the JIT (tiering up hot methods, 0.5–0.7 s of compiling a second by `dotnet-counters`) and its figure swung by
    /// a quarter from run to run.
    /// </summary>
    private static async Task WarmAsync(int port, string run, int concurrency, string provider)
    {
        for (var round = 1; round <= 10; round++)
        {
            var jit = System.Runtime.JitInfo.GetCompilationTime();
            var clock = Stopwatch.StartNew();
            await SendAllAsync(port, $"{run}{round}", 2000, concurrency, report: false, provider);
            var share = (System.Runtime.JitInfo.GetCompilationTime() - jit) / clock.Elapsed;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{provider,-8} warm-up round {round}: {2000 / clock.Elapsed.TotalSeconds:0} messages/s, {share:P1} of the time compiling"));
            if (share < 0.02)
                return;
        }
    }

    /// <summary>
    /// <paramref name="count"/> small messages over <paramref name="concurrency"/> SMTP connections, each connection sending
    /// one after another as a relay does. One sender in ten is new (a new customer and case); the other nine answer the
    /// sender's first message by In-Reply-To, so they are threaded onto its case. Latency: from MAIL FROM to the 250
    /// after the data, which Moment answers only once the message is stored.
    /// </summary>
    private static async Task SendAllAsync(int port, string run, int count, int concurrency, bool report, string provider)
    {
        const int PerSender = 10;
        var latencies = new double[count];
        var next = -1;
        var failures = 0;
        var firsts = new string[(count + PerSender - 1) / PerSender];
        // Where the time goes: this process's CPU (app and SMTP clients together) and PostgreSQL's, per message.
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var jitBefore = System.Runtime.JitInfo.GetCompilationTime();
        var postgresBefore = PostgresCpu.Now();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            using var client = new SmtpClient();
            await client.ConnectAsync("127.0.0.1", port, MailKit.Security.SecureSocketOptions.None);
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                // Sender s writes messages s, s + senders, …: its first goes out before its replies (on another connection, maybe).
                var senders = firsts.Length;
                var sender = i % senders;
                var message = new MimeMessage { Subject = $"Fråga {sender}", MessageId = $"{run}-{i}-{Guid.NewGuid():N}@example.se", Body = new TextPart("plain") { Text = "Hej! Min faktura är fel, kan ni titta på den?" } };
                message.From.Add(new MailboxAddress($"Kund {run} {sender}", $"kund-{run}-{sender}@example.se"));
                message.To.Add(MailboxAddress.Parse(Mailbox));
                if (i >= senders && Volatile.Read(ref firsts[sender]) is { } first)
                    message.InReplyTo = first;
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await client.SendAsync(message);
                    if (i < senders)
                        Volatile.Write(ref firsts[sender], message.MessageId);
                }
                catch (Exception error) when (error is SmtpCommandException or SmtpProtocolException)
                {
                    Interlocked.Increment(ref failures);
                    if (!client.IsConnected)
                        await client.ConnectAsync("127.0.0.1", port, MailKit.Security.SecureSocketOptions.None);
                }

                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }

            await client.DisconnectAsync(true);
        }));
        clock.Stop();
        if (!report)
            return;
        var sorted = latencies.Order().ToArray();
        double Percentile(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{provider,-8} SMTP inbound, {concurrency} connections: {count} messages in {clock.Elapsed.TotalSeconds:0.00} s = {count / clock.Elapsed.TotalSeconds:0} messages/s, "
            + $"acceptance p50 {Percentile(0.50):0.00} ms, p99 {Percentile(0.99):0.00} ms, failures {failures}; per message "
            + $"{(Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMicroseconds / count:0} µs CPU in this process"
            + $"{(provider == "Postgres" ? $" and {(PostgresCpu.Now() - postgresBefore).TotalMicroseconds / count:0} µs in PostgreSQL" : "")}"
            + $"; {(System.Runtime.JitInfo.GetCompilationTime() - jitBefore).TotalSeconds:0.00} s compiling"));
    }

    /// <summary>
    /// The SmtpServer package on Moment's sockets (<see cref="PromptEndpoints"/>, as the listener has them; no mailbox
    /// filter), with a store that reads each message with MimeKit and keeps nothing: what the protocol and the parse cost
    /// on both sides, per message.
    /// </summary>
    private static async Task ProtocolAloneAsync(int messages, int concurrency)
    {
        var port = FreePort();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = new SmtpServer.SmtpServerOptionsBuilder().ServerName("floor")
            .Endpoint(endpoint => endpoint.Endpoint(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new PromptEndpoints(() => started.TrySetResult()));
        services.Add(new ParseOnly());
        using var stop = new CancellationTokenSource();
        var server = new SmtpServer.SmtpServer(options, services).StartAsync(stop.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await WarmAsync(port, "floor-warm", concurrency, "protocol");
        await SendAllAsync(port, "floor", messages, concurrency, report: true, "protocol");
        await stop.CancelAsync();
        try
        {
            await server;
        }
        catch (OperationCanceledException)
        {
        }
    }

    private sealed class ParseOnly : SmtpServer.Storage.MessageStore
    {
        public override async Task<SmtpServer.Protocol.SmtpResponse> SaveAsync(
            SmtpServer.ISessionContext context, SmtpServer.IMessageTransaction transaction, System.Buffers.ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(System.Buffers.BuffersExtensions.ToArray(buffer), writable: false);
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            return message.MessageId is null ? SmtpServer.Protocol.SmtpResponse.TransactionFailed : SmtpServer.Protocol.SmtpResponse.Ok;
        }
    }

    /// <summary>Fills the IMAP inbox with <paramref name="count"/> small messages, then times one instance polling it empty.</summary>
    private static async Task PollAsync(EmailLoadApp app, DovecotServer imap, int count, string provider)
    {
        using (var client = await imap.ConnectAsync(Mailbox))
        {
            var requests = new List<IAppendRequest>();
            for (var i = 0; i < count; i++)
            {
                var message = new MimeMessage { Subject = $"Imap {i % 1000}", MessageId = $"imap-{i}-{Guid.NewGuid():N}@example.se", Body = new TextPart("plain") { Text = "Hej! Routern blinkar rött." } };
                message.From.Add(new MailboxAddress($"Imapkund {i % 1000}", $"imap-{i % 1000}@example.se"));
                message.To.Add(MailboxAddress.Parse(Mailbox));
                requests.Add(new AppendRequest(message));
                if (requests.Count == 500 || i == count - 1)
                {
                    await client.Inbox.AppendAsync(requests);
                    requests.Clear();
                }
            }

            await client.DisconnectAsync(true);
        }

        var settings = app.Services.GetRequiredService<EmailSettings>();
        var poll = app.Services.GetRequiredService<PollImapMailbox>();
        var clock = Stopwatch.StartNew();
        int taken = 0, rounds = 0;
        // Each round takes what it can; a sender over 50 a minute waits for a later round (10 per sender here: none).
        while (await imap.CountAsync(Mailbox, "INBOX") > 0 && rounds++ < 20)
            taken += (await poll.HandleAsync(settings.MailboxOf(Mailbox)!, "bench", CancellationToken.None)).Taken;
        clock.Stop();
        await using var scope = app.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().ConversationMessages.CountAsync(m => m.ExternalId!.StartsWith("<imap-"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{provider,-8} IMAP polling: {count} messages taken in {clock.Elapsed.TotalSeconds:0.0} s ({taken / clock.Elapsed.TotalSeconds:0} messages/s) in {rounds} round(s); {stored} stored"));
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>The real app in Production mode with demo data, the SMTP listener on, a mailbox of the Phone team polled over IMAP only by the driver.</summary>
internal sealed class EmailLoadApp(string provider, string connectionString, int smtpPort, int imapPort) : WebApplicationFactory<Program>
{
    public int SmtpPort => smtpPort;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", provider);
        builder.UseSetting("ConnectionStrings:Moment", connectionString);
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Email:Listener:Port", smtpPort.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Email:Mailboxes:0:Address", "kundservice@moment.test");
        builder.UseSetting("Email:Mailboxes:0:Team", "Phone");
        builder.UseSetting("Email:Mailboxes:0:Imap:Host", "127.0.0.1");
        builder.UseSetting("Email:Mailboxes:0:Imap:Port", imapPort.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Email:Mailboxes:0:Imap:Security", "None");
        builder.UseSetting("Email:Mailboxes:0:Imap:UserName", DovecotServer.LoginOf("kundservice@moment.test"));
        builder.UseSetting("Email:Mailboxes:0:Imap:Password", DovecotServer.Password);
        builder.UseSetting("Email:ImapPollInterval", "1.00:00:00");
        builder.UseSetting("Email:AttachmentFolder", Path.Combine(Path.GetTempPath(), "moment-email-load-" + Guid.NewGuid().ToString("N")));
        builder.ConfigureLogging(logging => logging.ClearProviders());
    }
}
