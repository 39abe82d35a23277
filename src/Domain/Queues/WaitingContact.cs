using Moment.Domain.Cases;

namespace Moment.Domain.Queues;

public enum ContactState
{
    /// <summary>Talking with the queue's bot; the place in the line is already kept from the first message.</summary>
    WithBot,

    /// <summary>In the line for a person.</summary>
    Waiting,

    /// <summary>Offered to one agent, who has until the offer's end to accept.</summary>
    Offered,

    /// <summary>A person took it; the contact is on a case they own.</summary>
    Answered,

    /// <summary>Answered and finished (the chat closed, the call ended).</summary>
    Ended,

    /// <summary>The bot's answer was enough for the customer.</summary>
    EndedByBot,

    /// <summary>The customer left before a person took it, and asked for no callback.</summary>
    Abandoned,

    /// <summary>A phone callback the customer did not answer, tried twice: its promise is broken.</summary>
    Missed,
}

/// <summary>How a customer who leaves the line is to be reached when their place comes up.</summary>
public enum CallbackWay
{
    /// <summary>A phone call to the number they left.</summary>
    Phone,

    /// <summary>An answer in the chat itself, read when they come back (or by email when they left one).</summary>
    WriteHere,
}

/// <summary>
/// One customer waiting at a door (a chat now, a call and a callback later): their place in one queue, their question,
/// the wait they were shown and the wait that followed. The line is ordered by <see cref="PlaceAt"/>, the moment they
/// first made contact: a customer who talked to the bot first, or who left a callback, keeps that place.
/// </summary>
public sealed class WaitingContact
{
    public const int NameMaxLength = 200;

    public const int QuestionMaxLength = 4000;

    private WaitingContact()
    {
    }

    public Guid Id { get; private set; }

    public Guid QueueId { get; private set; }

    public Door Door { get; private set; }

    public ContactState State { get; private set; }

    /// <summary>The place in the line: when the customer first made contact.</summary>
    public DateTimeOffset PlaceAt { get; private set; }

    /// <summary>The skills an agent needs for this contact: the queue's, and the customer's language.</summary>
    public Skills Needs { get; private set; } = Skills.None;

    /// <summary>"sv" or "en": the language the customer is answered in.</summary>
    public string Language { get; private set; } = "sv";

    /// <summary>The customer when known (found or registered when the contact lands on a case).</summary>
    public Guid? CustomerId { get; private set; }

    public string CustomerName { get; private set; } = "";

    public string? Phone { get; private set; }

    public string? Email { get; private set; }

    public string Question { get; private set; } = "";

    /// <summary>The chat's conversation (a call's, later), which becomes the case's when a person takes it.</summary>
    public Guid? ConversationId { get; private set; }

    /// <summary>SHA-256 of the customer's resume token: the token itself is only ever in their browser.</summary>
    public byte[] ResumeTokenHash { get; private set; } = [];

    /// <summary>The range of wait first shown to the customer, the promise honesty is measured against.</summary>
    public TimeSpan? PromisedFrom { get; private set; }

    public TimeSpan? PromisedTo { get; private set; }

    public DateTimeOffset? PromisedAt { get; private set; }

    public CallbackWay? Callback { get; private set; }

    /// <summary>The number to call back, in E.164.</summary>
    public string? CallbackNumber { get; private set; }

    public DateTimeOffset? CallbackAskedAt { get; private set; }

    /// <summary>The case a callback is kept on until a person takes it (its promise needs a case).</summary>
    public Guid? CaseId { get; private set; }

    public string? CaseNumber { get; private set; }

    public Guid? OfferedToId { get; private set; }

    public DateTimeOffset? OfferExpiresAt { get; private set; }

    public int Offers { get; private set; }

    public Guid? AnsweredById { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>When a chat the bot greeted joined the line for a person.</summary>
    public DateTimeOffset? HandedOverAt { get; private set; }

    /// <summary>
    /// The owner of the customer's open case the contact is about (a caller Moment knows by their number): offered the
    /// contact before anyone else whenever they are available with room for it, so that the customer does not start again
    /// with a stranger. When they are not, or let the offer lapse, the line's rule chooses as for anyone.
    /// </summary>
    public Guid? OwnerFirstId { get; private set; }

    /// <summary>Questions in a row the bot had no answer to.</summary>
    public int BotMisses { get; private set; }

    public int Version { get; private set; }

    public bool IsInLine => State is ContactState.Waiting or ContactState.Offered;

    public bool IsOpen => State is ContactState.WithBot or ContactState.Waiting or ContactState.Offered;

    /// <summary>The door whose capacity an agent needs free to take it: a phone callback is a call.</summary>
    public Door RoutedAs => RoutedAsFor(Door, Callback);

    public static Door RoutedAsFor(Door door, CallbackWay? callback) => callback == CallbackWay.Phone ? Door.Phone : door;

    /// <summary>The longest subject a contact gives the case it opens: a line a desk list can show whole.</summary>
    public const int CaseSubjectMaxLength = 120;

    /// <summary>The subject of the case the contact opens: the first line of the question, cut to fit.</summary>
    public string CaseSubject => Question.Split('\n', 2)[0].Trim() is var line && line.Length <= CaseSubjectMaxLength ? line : line[..(CaseSubjectMaxLength - 3)] + "...";

    /// <summary>How long the customer waited for a person, once one took it.</summary>
    public TimeSpan? Waited => AnsweredAt - PlaceAt;

    /// <summary>
    /// Whether the wait from the moment the range was shown fell inside it ("about 4–6 minutes" from then); null while
    /// unknown or never shown.
    /// </summary>
    public bool? KeptToRange => AnsweredAt - PromisedAt is { } waited && PromisedFrom is { } from && PromisedTo is { } to
        ? waited >= from && waited <= to
        : null;

    public static WaitingContact Enter(
        Queue queue, Door door, string language, string? customerName, string? phone, string? email, string? question,
        Guid? customerId, Guid? conversationId, byte[] resumeTokenHash, bool withBot, DateTimeOffset now)
    {
        if (language is not ("sv" or "en"))
            throw new DomainRuleException("Choose Swedish or English.", "Language");
        return new()
        {
            Id = Guid.CreateVersion7(),
            QueueId = queue.Id,
            Door = door,
            State = withBot ? ContactState.WithBot : ContactState.Waiting,
            PlaceAt = now,
            Needs = queue.Skills.With(Skills.Of(language)),
            Language = language,
            CustomerId = customerId,
            CustomerName = Text.Required(customerName, "Name", NameMaxLength),
            Phone = Text.Optional(phone, "Phone", 40),
            Email = Text.Optional(email, "Email", Text.EmailMaxLength),
            Question = Text.Required(question, "Question", QuestionMaxLength),
            ConversationId = conversationId,
            ResumeTokenHash = resumeTokenHash,
        };
    }

    /// <summary>The customer has an open case: its owner is offered the contact first (<see cref="OwnerFirstId"/>).</summary>
    public void OfferOwnerFirst(Guid ownerId)
    {
        OwnerFirstId = ownerId;
        Version++;
    }

    /// <summary>
    /// The bot hands the chat to the line for a person: asked for, or out of answers. The place is the one the customer
    /// had at their first message, so talking to the bot first never costs them their turn.
    /// </summary>
    public void JoinLine(DateTimeOffset now)
    {
        if (State != ContactState.WithBot)
            return;
        State = ContactState.Waiting;
        HandedOverAt = now;
        Version++;
    }

    /// <summary>The bot had no answer; after the second miss in a row the chat joins the line.</summary>
    public bool BotMissed(DateTimeOffset now)
    {
        BotMisses++;
        Version++;
        if (BotMisses < 2)
            return false;
        JoinLine(now);
        return true;
    }

    public void BotAnswered()
    {
        BotMisses = 0;
        Version++;
    }

    public void EndWithBot(DateTimeOffset now)
    {
        if (State != ContactState.WithBot)
            throw new ConflictException("This chat is already with a person.");
        State = ContactState.EndedByBot;
        EndedAt = now;
        Version++;
    }

    /// <summary>Records the first range shown: later, closer estimates do not replace the promise honesty is measured by.</summary>
    public void Shown(TimeSpan from, TimeSpan to, DateTimeOffset now)
    {
        if (PromisedAt is not null || !IsInLine)
            return;
        PromisedFrom = from;
        PromisedTo = to;
        PromisedAt = now;
        Version++;
    }

    /// <summary>
    /// The customer leaves a number (or asks to be answered in the chat) and may go: their place is kept, and a person
    /// calls or writes when it comes up. A chat still with the bot joins the line at its first place.
    /// </summary>
    public void AskForCallback(CallbackWay way, string? e164Number, DateTimeOffset now)
    {
        if (!IsOpen)
            throw new ConflictException("A person has already taken this contact.");
        if (way == CallbackWay.Phone && string.IsNullOrEmpty(e164Number))
            throw new DomainRuleException("Give a phone number to call back.", "Phone");
        JoinLine(now);
        Callback = way;
        CallbackNumber = way == CallbackWay.Phone ? e164Number : null;
        CallbackAskedAt = now;
        Version++;
    }

    /// <summary>The case a phone callback's promise is kept on while the callback waits.</summary>
    public void KeptOn(Guid caseId, string caseNumber)
    {
        CaseId = caseId;
        CaseNumber = caseNumber;
        Version++;
    }

    public void Offer(Guid agentId, TimeSpan offerTime, DateTimeOffset now)
    {
        if (State != ContactState.Waiting)
            throw new ConflictException("This contact is not waiting for an offer.");
        State = ContactState.Offered;
        OfferedToId = agentId;
        OfferExpiresAt = now + offerTime;
        Offers++;
        Version++;
    }

    public bool OfferLapsedAt(DateTimeOffset now) => State == ContactState.Offered && OfferExpiresAt <= now;

    /// <summary>The offer went unanswered: back to its place at the front, for the next agent.</summary>
    public Guid Lapse(DateTimeOffset now)
    {
        if (!OfferLapsedAt(now))
            throw new ConflictException("This offer has not lapsed.");
        var agent = OfferedToId!.Value;
        State = ContactState.Waiting;
        OfferedToId = null;
        OfferExpiresAt = null;
        Version++;
        return agent;
    }

    public void Accept(Guid agentId, DateTimeOffset now)
    {
        if (State == ContactState.Answered && AnsweredById == agentId)
            throw new ConflictException("You have already taken this contact.");
        if (State != ContactState.Offered || OfferedToId != agentId)
            throw new ConflictException("This contact is no longer offered to you.");
        if (OfferExpiresAt <= now)
            throw new ConflictException("The offer lapsed and went to the next agent.");
        State = ContactState.Answered;
        AnsweredById = agentId;
        AnsweredAt = now;
        OfferExpiresAt = null;
        Version++;
    }

    /// <summary>The contact landed on a case that the agent who took it owns.</summary>
    public void Landed(Guid caseId, string caseNumber, Guid customerId)
    {
        CaseId = caseId;
        CaseNumber = caseNumber;
        CustomerId = customerId;
        Version++;
    }

    /// <summary>
    /// The customer left. With a callback asked for, leaving is expected and the place stays; leaving the bot is the bot's
    /// answer having been enough.
    /// </summary>
    public bool Leave(DateTimeOffset now)
    {
        if (!IsOpen || Callback is not null)
            return false;
        if (State == ContactState.WithBot)
        {
            EndWithBot(now);
            return true;
        }

        State = ContactState.Abandoned;
        EndedAt = now;
        OfferedToId = null;
        OfferExpiresAt = null;
        Version++;
        return true;
    }

    /// <summary>The person called back twice and the customer answered neither call: the person is free again.</summary>
    public void CallbackMissed(DateTimeOffset now)
    {
        if (State != ContactState.Answered || Callback != CallbackWay.Phone)
            return;
        State = ContactState.Missed;
        EndedAt = now;
        Version++;
    }

    public void End(DateTimeOffset now)
    {
        if (State != ContactState.Answered)
            return;
        State = ContactState.Ended;
        EndedAt = now;
        Version++;
    }
}
