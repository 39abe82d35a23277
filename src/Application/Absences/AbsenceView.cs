using Moment.Application.Cases;
using Moment.Domain.Absences;

namespace Moment.Application.Absences;

/// <summary>An absence as its owner sees it: when, who stands in, and where it is in its life.</summary>
public sealed record AbsenceView(
    Guid Id, DateTimeOffset From, DateTimeOffset To, AbsenceState State, PersonRef StandIn, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt)
{
    public static AbsenceView Of(Absence absence, PersonRef standIn) =>
        new(absence.Id, absence.From, absence.To, absence.State, standIn, absence.StartedAt, absence.EndedAt);
}
