using Moment.Application.Cases;
using Moment.Application.Commitments;
using Moment.Domain.Cases;
using Moment.Web.Security;

namespace Moment.Web.Features.Cases;

/// <summary>A case as the API shows it: the details plus the customer's link, never the bare token, and every promise on it with its state.</summary>
public sealed record CaseResponse(
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
    string CustomerLink,
    int Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    double? TimeToFirstResponseSeconds,
    double? TimeToResolutionSeconds,
    string? ProposedResolution,
    DateTimeOffset? ObjectionDeadline,
    string? SameProblemAs,
    HandOffView? PendingHandOff,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<CommitmentView> Promises)
{
    public static CaseResponse Of(CaseDetails c, HttpRequest request) => new(
        c.Number, c.Status, c.Subject, c.Description, c.Priority, c.CaseType, c.CaseTypeId, c.FirstDoor, c.Owner, c.Team, c.CustomerId, c.CustomerName,
        c.Counts, CustomerLinks.For(request, c.CustomerToken), c.Version, c.CreatedAt, c.UpdatedAt,
        (c.FirstResponseAt - c.CreatedAt)?.TotalSeconds, (c.ResolvedAt - c.CreatedAt)?.TotalSeconds,
        c.ProposedResolution, c.ObjectionDeadline, c.SameProblemAs, c.PendingHandOff, c.Timeline, c.Promises);
}

/// <summary>The customer's page is at <c>/c/{token}</c>: short enough for a text message or a letter.</summary>
internal static class CustomerLinks
{
    /// <summary>At the configured public address: the Host header is whatever the caller chose to send.</summary>
    public static string For(HttpRequest request, string token) =>
        request.HttpContext.RequestServices.GetRequiredService<PublicAddress>().CustomerLink(token);
}
