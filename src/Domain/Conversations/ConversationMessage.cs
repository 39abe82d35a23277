using Moment.Domain.Cases;

namespace Moment.Domain.Conversations;

/// <summary>Where a message is on its way: an inbound one has arrived; an outbound one is queued, sent, delivered, read, or failed.</summary>
public enum DeliveryState
{
    Received,
    Queued,
    Sent,
    Delivered,
    Read,
    Failed,
}

/// <summary>One message of a <see cref="Conversation"/>: append-only text; only its delivery state moves on.</summary>
public sealed class ConversationMessage
{
    public const int TextMaxLength = 20_000;

    public const int FailureMaxLength = 500;

    public const int SenderMaxLength = 100;

    private readonly List<MessageAttachment> _attachments = [];

    private ConversationMessage()
    {
    }

    public long Id { get; private set; }

    public Guid ConversationId { get; private set; }

    public DateTimeOffset At { get; private set; }

    public ContactDirection Direction { get; private set; }

    /// <summary>The member of staff who wrote an outbound message; null for the customer's own and for Moment's.</summary>
    public Guid? AuthorId { get; private set; }

    public string Text { get; private set; } = "";

    public DeliveryState Delivery { get; private set; }

    /// <summary>Why an outbound message could not be delivered, as the door said it.</summary>
    public string? Failure { get; private set; }

    /// <summary>The door's own id of the message (an email's Message-ID), so that a repeat delivery is recognised.</summary>
    public string? ExternalId { get; private set; }

    public IReadOnlyList<MessageAttachment> Attachments => _attachments;

    /// <summary>How many times the door has tried to send an outbound message and been told to try later.</summary>
    public int Attempts { get; private set; }

    /// <summary>Not to be tried again before this (a server that did not answer is given time); null: at once.</summary>
    public DateTimeOffset? NextAttemptAt { get; private set; }

    /// <summary>
    /// The sender (one instance of Moment) that is sending the message now; no other sends it until
    /// <see cref="SendingUntil"/>, so two instances never send it twice, and one that died holds it no longer.
    /// </summary>
    public string? SendingBy { get; private set; }

    public DateTimeOffset? SendingUntil { get; private set; }

    internal static ConversationMessage Of(Guid conversationId, ContactDirection direction, Guid? authorId, string text, string? externalId, DateTimeOffset now) => new()
    {
        ConversationId = conversationId,
        Direction = direction,
        AuthorId = authorId,
        Text = Domain.Text.Required(text, "Text", TextMaxLength),
        ExternalId = Domain.Text.Optional(externalId, "ExternalId", Conversation.ExternalIdMaxLength),
        Delivery = direction == ContactDirection.Inbound ? DeliveryState.Received : DeliveryState.Queued,
        At = now,
    };

    public MessageAttachment Attach(string fileName, string contentType, long length, string storageKey)
    {
        var attachment = MessageAttachment.Of(fileName, contentType, length, storageKey);
        _attachments.Add(attachment);
        return attachment;
    }

    /// <summary>The door reports progress; a report that comes late (delivered after read) never moves the state back.</summary>
    public void Delivered(DeliveryState state, string? failure = null)
    {
        if (Direction == ContactDirection.Inbound)
            throw new ConflictException("An inbound message has no delivery to report.");
        if (!MovesOnFrom(state).Contains(Delivery))
            return;
        Delivery = state;
        if (state == DeliveryState.Failed)
            Failure = Shortened(failure);
    }

    /// <summary>
    /// The states a report of <paramref name="state"/> moves an outbound message on from. Doors report out of order and
    /// at the same moment (a "read" can overtake "delivered"), so a report that would move a message back changes
    /// nothing. A message that reached the customer has not failed, and one that failed stays failed (a door retries
    /// with a new message); a second failure report may say why better.
    /// </summary>
    public static IReadOnlyList<DeliveryState> MovesOnFrom(DeliveryState state) => state switch
    {
        DeliveryState.Received or DeliveryState.Queued => [],
        DeliveryState.Sent => [DeliveryState.Queued],
        DeliveryState.Delivered => [DeliveryState.Queued, DeliveryState.Sent],
        DeliveryState.Read => [DeliveryState.Queued, DeliveryState.Sent, DeliveryState.Delivered],
        DeliveryState.Failed => [DeliveryState.Queued, DeliveryState.Sent, DeliveryState.Failed],
    };

    /// <summary>
    /// A door's words for a failure, cut to fit: refusing a long reason would lose the failure itself, which matters more.
    /// </summary>
    public static string? Shortened(string? failure)
    {
        var text = failure?.Trim();
        return string.IsNullOrEmpty(text) ? null : text.Length > FailureMaxLength ? text[..FailureMaxLength] : text;
    }
}

/// <summary>A file that came with a message or went with it; the bytes live in the attachment store under <see cref="StorageKey"/>.</summary>
public sealed class MessageAttachment
{
    public const int FileNameMaxLength = 255;

    public const int ContentTypeMaxLength = 127;

    private MessageAttachment()
    {
    }

    public long Id { get; private set; }

    public long MessageId { get; private set; }

    public string FileName { get; private set; } = "";

    public string ContentType { get; private set; } = "";

    public long Length { get; private set; }

    public string StorageKey { get; private set; } = "";

    internal static MessageAttachment Of(string fileName, string contentType, long length, string storageKey) =>
        length < 0
            ? throw new DomainRuleException("An attachment cannot be shorter than nothing.", "Length")
            : new()
            {
                FileName = Text.Required(fileName, "FileName", FileNameMaxLength),
                ContentType = Text.Required(contentType, "ContentType", ContentTypeMaxLength),
                Length = length,
                StorageKey = Text.Required(storageKey, "StorageKey", FileNameMaxLength),
            };
}
