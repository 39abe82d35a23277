namespace Moment.Application.Email;

/// <summary>
/// The email door's settings (configuration section <c>Email</c>): the mailboxes customers write to, where attachments
/// are kept, how big a message may be, how many messages a sender may write a minute, and the SMTP servers.
/// </summary>
public sealed class EmailSettings
{
    public const string Section = "Email";

    public List<MailboxSettings> Mailboxes { get; set; } = [];

    /// <summary>The folder of the attachment store; without one, <c>Moment/attachments</c> in the local application data folder.</summary>
    public string? AttachmentFolder { get; set; }

    /// <summary>A whole message, attachments included; a bigger one is not taken in.</summary>
    public long MaxMessageBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>More messages than this from one sender within a minute open nothing: a mail loop or a flood, not a customer.</summary>
    public int MaxMessagesPerSenderPerMinute { get; set; } = 50;

    /// <summary>Moment's own SMTP listener for inbound mail; off unless a port is set.</summary>
    public SmtpListenerSettings Listener { get; set; } = new();

    /// <summary>How often each IMAP mailbox is looked at.</summary>
    public TimeSpan ImapPollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The SMTP server replies go out through.</summary>
    public OutboundSmtpSettings Outbound { get; set; } = new();

    /// <summary>The mailbox an address belongs to, compared without regard to case.</summary>
    public MailboxSettings? MailboxOf(string? address) =>
        address is null ? null : Mailboxes.FirstOrDefault(m => string.Equals(m.Address.Trim(), address.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>An address customers write to and the team (by name or id) whose cases its mail opens.</summary>
public sealed class MailboxSettings
{
    public string Address { get; set; } = "";

    public string Team { get; set; } = "";

    /// <summary>
    /// Whether a customer whose email opens a new case is told at once that it arrived: its case number, who has it, when
    /// to expect an answer and the link to their page. On unless turned off.
    /// </summary>
    public bool Acknowledge { get; set; } = true;

    /// <summary>When the acknowledgement says the customer can expect an answer (a day: "within a working day").</summary>
    public TimeSpan AnswerWithin { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The IMAP account Moment polls for this mailbox; off without a host.</summary>
    public ImapSettings Imap { get; set; } = new();
}

/// <summary>
/// An IMAP account to poll (Microsoft 365, Gmail, any IMAP server): every message in <see cref="Folder"/> is taken in and
/// then moved to <see cref="DoneFolder"/>, so nothing is read twice and the mailbox keeps every message.
/// </summary>
public sealed class ImapSettings
{
    public string? Host { get; set; }

    public int Port { get; set; } = 993;

    /// <summary>TLS on connect (SslOnConnect), STARTTLS (StartTls), what the server offers (Auto) or none (None).</summary>
    public string Security { get; set; } = "Auto";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>Where customers' mail arrives.</summary>
    public string Folder { get; set; } = "INBOX";

    /// <summary>Where a message goes once Moment has it (created when missing).</summary>
    public string DoneFolder { get; set; } = "Moment";
}

public sealed class SmtpListenerSettings
{
    /// <summary>The port to listen on; null (the default) keeps the listener off.</summary>
    public int? Port { get; set; }

    /// <summary>The address to listen on; loopback unless set (an MX or relay in front usually forwards to it).</summary>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>The name the listener greets with.</summary>
    public string ServerName { get; set; } = "moment";
}

public sealed class OutboundSmtpSettings
{
    /// <summary>The SMTP server's host name; without one, replies stay queued.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>STARTTLS when the server offers it (Auto), always (StartTls), on connect (SslOnConnect) or never (None).</summary>
    public string Security { get; set; } = "Auto";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>
    /// How long to wait before each new try of a message the server did not take (it did not answer, or answered 4xx):
    /// null for <see cref="DefaultRetryAfter"/>. After the last wait comes the last try; a message that fails it is not
    /// delivered.
    /// </summary>
    public TimeSpan[]? RetryAfter { get; set; }

    /// <summary>1 minute, 5 minutes, 15 minutes, 1 hour, 4 hours: six tries over about five and a half hours.</summary>
    public static IReadOnlyList<TimeSpan> DefaultRetryAfter { get; } =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1), TimeSpan.FromHours(4)];

    public IReadOnlyList<TimeSpan> RetrySchedule => RetryAfter ?? DefaultRetryAfter;
}
