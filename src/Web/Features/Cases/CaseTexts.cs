using Moment.Domain.Cases;

namespace Moment.Web.Features.Cases;

/// <summary>The English words (resource keys) for the case vocabulary, for staff and for customers.</summary>
internal static class CaseTexts
{
    public static string Status(CaseStatus status) => status switch
    {
        CaseStatus.Open => "Open",
        CaseStatus.ProposedSolved => "Proposed solved",
        CaseStatus.Resolved => "Resolved",
        CaseStatus.ResolvedBySilence => "Resolved by silence",
    };

    public static string Door(Door door) => door switch
    {
        Domain.Cases.Door.Phone => "Phone",
        Domain.Cases.Door.Chat => "Chat",
        Domain.Cases.Door.Email => "Email",
        Domain.Cases.Door.Shop => "Shop",
        Domain.Cases.Door.Onboard => "Onboard",
        Domain.Cases.Door.Letter => "Letter",
        Domain.Cases.Door.Web => "Web",
        Domain.Cases.Door.Field => "Field",
    };

    /// <summary>
    /// Who did what an entry records when no member of staff did (its actor is empty): the customer on their own page
    /// (confirmed, objected and so reopened, asked for the manager, gave consent), otherwise Moment itself (an offer lapsed,
    /// a deadline passed, an absence began).
    /// </summary>
    public static string ActorWithoutStaff(CaseEventKind kind) => kind switch
    {
        CaseEventKind.ResolutionConfirmed or CaseEventKind.ResolutionObjected or CaseEventKind.Reopened
            or CaseEventKind.ManagerRequested or CaseEventKind.ConsentGiven or CaseEventKind.Contact => "the customer",
        _ => "Moment (automatic)",
    };

    /// <summary>Moment's own words for why it wrote an entry; {0} is the entry's count.</summary>
    public static string Reason(CaseEventReason reason) => reason switch
    {
        CaseEventReason.HandOffs => "Escalated after {0} hand-offs.",
        CaseEventReason.Declines => "Escalated after {0} declined or unanswered offers.",
        CaseEventReason.RepeatContact => "Repeat contact about the same problem.",
        CaseEventReason.NotSolved => "The customer says it is not solved.",
        CaseEventReason.TakenFromQueue => "Taken from the queue with the customer's callback.",
    };

    public static string Event(CaseEventKind kind) => kind switch
    {
        CaseEventKind.Created => "Case registered",
        CaseEventKind.Contact => "Contact",
        CaseEventKind.InternalNote => "Internal note",
        CaseEventKind.PublicReply => "Reply to the customer",
        CaseEventKind.HandOffOffered => "Hand-off offered",
        CaseEventKind.HandOffAccepted => "Hand-off accepted",
        CaseEventKind.HandOffDeclined => "Hand-off declined",
        CaseEventKind.HandOffExpired => "Offer expired unanswered",
        CaseEventKind.Reassigned => "Reassigned by team lead",
        CaseEventKind.Escalated => "Escalated",
        CaseEventKind.ResolutionProposed => "Resolution proposed",
        CaseEventKind.ResolutionConfirmed => "Customer confirmed it is solved",
        CaseEventKind.ResolutionObjected => "Customer says it is not solved",
        CaseEventKind.ResolvedBySilence => "Resolved by silence",
        CaseEventKind.Reopened => "Reopened",
        CaseEventKind.LinkedAsSameProblem => "Linked as the same problem",
        CaseEventKind.CommitmentMade => "Promise made",
        CaseEventKind.CommitmentKept => "Promise kept",
        CaseEventKind.CommitmentKeptLate => "Promise kept late",
        CaseEventKind.CommitmentBroken => "Promise broken",
        CaseEventKind.CommitmentWithdrawn => "Promise withdrawn",
        CaseEventKind.ManagerRequested => "Customer asked for the manager",
        CaseEventKind.ConsentGiven => "Customer said we may contact them",
        CaseEventKind.CoverStarted => "Stand-in covers while away",
        CaseEventKind.CoverEnded => "Back from being away",
        CaseEventKind.CustomerConfirmationRecorded => "Solved, as the customer told us",
        CaseEventKind.CustomerObjectionRecorded => "Not solved, as the customer told us",
        CaseEventKind.CommitmentHandedOff => "Promise handed off with the case",
        CaseEventKind.MandateUsed => "Mandate used",
        CaseEventKind.Edited => "Case edited",
        CaseEventKind.FileAttached => "File added",
        CaseEventKind.Mentioned => "Colleague mentioned",
    };

    /// <summary>One change of an edit; {0} is the value before, {1} after, each shown as the reader reads it.</summary>
    public static string Change(CaseField field) => field switch
    {
        CaseField.Subject => "Subject changed from “{0}” to “{1}”",
        CaseField.CaseType => "Case type changed from {0} to {1}",
        CaseField.Priority => "Priority changed from {0} to {1}",
        CaseField.Team => "Team changed from {0} to {1}",
    };
}
