using Moment.Application.Commitments;
using Moment.Domain.Cases;

namespace Moment.Application.Cases;

public sealed record PersonRef(Guid Id, string Name, string Email);

public sealed record TeamRef(Guid Id, string Name);

public sealed record CaseCounts(int HandOffs, int Declines, int Escalations, int Reopens, int RepeatContacts);

/// <summary>An offer waiting for an answer, with the offerer's open promises on the case: each goes with the case, or stays with the offerer.</summary>
public sealed record HandOffView(
    Guid Id, PersonRef OfferedBy, PersonRef? ToPerson, TeamRef? ToTeam, string Summary, string Reason,
    HandOffState State, DateTimeOffset OfferedAt, DateTimeOffset ExpiresAt, string? DeclineReason, IReadOnlyList<OfferedPromise> Promises);

/// <summary>An open promise in an offer: the receiver keeps it after accepting, unless the offerer keeps it (<paramref name="OffererKeepsIt"/>).</summary>
public sealed record OfferedPromise(Guid Id, CommitmentKind Kind, string What, DateTimeOffset Deadline, bool OffererKeepsIt);

/// <summary>
/// One entry of the timeline: <c>Text</c> is what a person wrote; <c>Reason</c> and <c>Count</c> are Moment's own words,
/// said by the reader's page; <c>Delivery</c> and <c>Failure</c> for one a conversation message carried (a reply sent by
/// email); <c>Changes</c> what an edit changed.
/// </summary>
public sealed record TimelineEntry(
    CaseEventKind Kind, DateTimeOffset At, string? Actor, string? Text, bool IsPublic, Door? Door, ContactDirection? Direction, string? About,
    CaseEventReason? Reason = null, int? Count = null, Domain.Conversations.DeliveryState? Delivery = null, string? Failure = null,
    IReadOnlyList<ChangeView>? Changes = null, CaseFileView? File = null)
{
    /// <summary>
    /// Between the customer and us: what was said to or by them at any door, what they see on their page, and what they
    /// asked or answered themselves. Everything else (notes, hand-offs, edits, files, promises made among staff) is internal.
    /// </summary>
    public bool WithTheCustomer => IsPublic || Door is not null || Kind is CaseEventKind.ResolutionConfirmed or CaseEventKind.ResolutionObjected
        or CaseEventKind.CustomerConfirmationRecorded or CaseEventKind.CustomerObjectionRecorded or CaseEventKind.ManagerRequested or CaseEventKind.ConsentGiven;
}

/// <summary>
/// A change an edit made, with names for ids: the subject as written, the case type's and the team's names (words a page
/// translates, as it does the case's own), the priority's name in <see cref="CasePriority"/>. Null for none.
/// </summary>
public sealed record ChangeView(CaseField Field, string? From, string? To);

/// <summary>Everything the owner, the receiver of an offer, and the API see of a case.</summary>
public sealed record CaseDetails(
    Guid Id,
    string Number,
    CaseStatus Status,
    string Subject,
    string? Description,
    CasePriority Priority,
    string CaseType,
    Guid CaseTypeId,
    Door FirstDoor,
    PersonRef Owner,
    TeamRef? Team,
    Guid CustomerId,
    string CustomerName,
    CaseCounts Counts,
    string CustomerToken,
    int Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FirstResponseAt,
    DateTimeOffset? ResolvedAt,
    string? ProposedResolution,
    DateTimeOffset? ObjectionDeadline,
    string? SameProblemAs,
    IReadOnlyList<string> LaterSameProblemCases,
    HandOffView? PendingHandOff,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<CommitmentView> Promises);
