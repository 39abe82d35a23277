using Moment.Domain.Cases;

namespace Moment.Web.Features.Notifications;

/// <summary>
/// What a piece of news says, per kind of timeline entry, {0} the case number: the live notice (the layout's templates)
/// and the notifications page say the same words. English formats, the resource keys.
/// </summary>
internal static class NotificationTexts
{
    public static IReadOnlyDictionary<CaseEventKind, string> Said { get; } = new Dictionary<CaseEventKind, string>
    {
        [CaseEventKind.HandOffOffered] = "{0} was offered to you.",
        [CaseEventKind.HandOffAccepted] = "Your offer on {0} was accepted.",
        [CaseEventKind.HandOffDeclined] = "Your offer on {0} was declined.",
        [CaseEventKind.HandOffExpired] = "Nobody answered your offer on {0} in time.",
        [CaseEventKind.Escalated] = "{0} was escalated to you.",
        [CaseEventKind.Reassigned] = "{0} was reassigned to you.",
        [CaseEventKind.CommitmentMade] = "A promise was made on {0}.",
        [CaseEventKind.CommitmentKept] = "A promise on {0} was kept.",
        [CaseEventKind.CommitmentKeptLate] = "A promise on {0} was kept late.",
        [CaseEventKind.CommitmentWithdrawn] = "A promise on {0} was withdrawn.",
        [CaseEventKind.CommitmentBroken] = "A promise on {0} was broken.",
        [CaseEventKind.ManagerRequested] = "The customer on {0} asked for a manager.",
        [CaseEventKind.ConsentGiven] = "The customer on {0} gave their consent.",
        [CaseEventKind.CoverStarted] = "You are the stand-in on {0} while its owner is away.",
        [CaseEventKind.CoverEnded] = "{0} went back to the person you stood in for.",
        [CaseEventKind.ResolutionConfirmed] = "The customer says {0} is solved.",
        [CaseEventKind.CustomerConfirmationRecorded] = "The customer says {0} is solved.",
        [CaseEventKind.ResolutionObjected] = "The customer says {0} is not solved.",
        [CaseEventKind.CustomerObjectionRecorded] = "The customer says {0} is not solved.",
        [CaseEventKind.Contact] = "Someone recorded a contact on your case {0}.",
        [CaseEventKind.InternalNote] = "Someone wrote a note on your case {0}.",
        [CaseEventKind.PublicReply] = "Someone replied to the customer on your case {0}.",
        [CaseEventKind.LinkedAsSameProblem] = "Your case {0} was linked to another case about the same problem.",
        [CaseEventKind.Mentioned] = "You were mentioned in a note on {0}.",
        [CaseEventKind.Edited] = "Someone changed the subject, type, priority or team of your case {0}.",
        [CaseEventKind.MandateUsed] = "A mandate was used on {0}.",
        [CaseEventKind.FileAttached] = "Someone added a file to your case {0}.",
    };
}
