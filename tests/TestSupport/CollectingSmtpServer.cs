using System.Buffers;
using System.Net;
using System.Threading.Channels;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using SmtpResponse = SmtpServer.Protocol.SmtpResponse;

namespace Moment.TestSupport;

/// <summary>
/// A real SMTP server on loopback that keeps what it receives, refuses mail to <see cref="Refusing"/> for good, and asks
/// to be tried later for mail to <see cref="Deferring"/>, every time.
/// </summary>
public sealed class CollectingSmtpServer(int port) : IAsyncDisposable
{
    public const string Refusing = "refuse@example.se";

    public const string Deferring = "later@example.se";

    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<MimeMessage> _received = Channel.CreateUnbounded<MimeMessage>();
    private Task? _running;

    public int Port { get; } = port;

    public async Task StartAsync()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var listeners = new EndpointListenerFactory();
        listeners.EndpointStarted += (_, _) => started.TrySetResult();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(listeners);
        services.Add(new Store(_received.Writer));
        var options = new SmtpServerOptionsBuilder().ServerName("outbox").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>The next message received for <paramref name="address"/> (others' are passed over), or a failure after half a minute.</summary>
    public async Task<MimeMessage> NextToAsync(string address, CancellationToken cancellationToken)
    {
        while (true)
        {
            var message = await _received.Reader.ReadAsync(cancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            if (message.To.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase)))
                return message;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_running is not null)
            await _running.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private sealed class Store(ChannelWriter<MimeMessage> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (transaction.To.Any(t => string.Equals(t.AsAddress(), Refusing, StringComparison.OrdinalIgnoreCase)))
                return new SmtpResponse(SmtpReplyCode.MailboxUnavailable, "No such user here");
            if (transaction.To.Any(t => string.Equals(t.AsAddress(), Deferring, StringComparison.OrdinalIgnoreCase)))
                return new SmtpResponse((SmtpReplyCode)450, "Mailbox busy, try again later");
            using var content = new MemoryStream(buffer.ToArray());
            await received.WriteAsync(await MimeMessage.LoadAsync(content, cancellationToken), cancellationToken);
            return SmtpResponse.Ok;
        }
    }
}
