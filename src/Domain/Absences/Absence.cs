namespace Moment.Domain.Absences;

public enum AbsenceState
{
    Planned,

    /// <summary>The person is away: the stand-in holds their cases, offers and promises.</summary>
    Started,

    /// <summary>Back. What moved stays with the stand-in until the person takes it back.</summary>
    Ended,
}

/// <summary>
/// A member of staff away from <see cref="From"/> to <see cref="To"/>, with a named stand-in (principle 12).
/// When it starts, Moment moves their open cases, pending offers and open promises to the stand-in; when it ends,
/// the person chooses what moves back.
/// </summary>
public sealed class Absence
{
    private Absence()
    {
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public Guid StandInId { get; private set; }

    public DateTimeOffset From { get; private set; }

    public DateTimeOffset To { get; private set; }

    public AbsenceState State { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public static Absence Plan(Guid userId, Guid standInId, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        var absence = new Absence { Id = Guid.CreateVersion7(), UserId = userId, State = AbsenceState.Planned };
        absence.Change(standInId, from, to, now);
        return absence;
    }

    /// <summary>Moves the dates or names another stand-in. Once started, only the end can move (the work has already moved).</summary>
    public void Change(Guid standInId, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        if (standInId == UserId)
            throw new DomainRuleException("Name someone else as your stand-in.", "StandIn");
        if (to <= from)
            throw new DomainRuleException("An absence must end after it starts.", "To");
        if (to <= now)
            throw new DomainRuleException("An absence must end in the future.", "To");
        if (State == AbsenceState.Ended)
            throw new ConflictException("That absence has ended.");
        if (State == AbsenceState.Started && (standInId != StandInId || from != From))
            throw new ConflictException("The absence has started and your work has moved to your stand-in; only its end can change now.");
        StandInId = standInId;
        // Instants are kept in UTC: PostgreSQL refuses another offset, and a script may well say +01:00.
        From = from.ToUniversalTime();
        To = to.ToUniversalTime();
    }

    public void Start(DateTimeOffset now)
    {
        if (State != AbsenceState.Planned)
            throw new ConflictException("The absence has already started.");
        State = AbsenceState.Started;
        StartedAt = now;
    }

    /// <summary>Ends the absence: at its end, or earlier when the person is back early.</summary>
    public void End(DateTimeOffset now)
    {
        if (State == AbsenceState.Ended)
            return;
        State = AbsenceState.Ended;
        EndedAt = now;
        if (now < To)
            To = now;
    }
}
