namespace Moment.Domain.Cases;

/// <summary>The details of a case an edit may change (<see cref="Case.Edit"/>).</summary>
public enum CaseField
{
    Subject,
    CaseType,
    Priority,
    Team,
}

/// <summary>
/// One detail an edit changed, from what to what: part of the edit's timeline entry. Kept as values rather than as a
/// sentence, so that each reader sees it in their own language: the subject as written, the case type and the team by
/// id (the reader sees their names now), the priority by its name in <see cref="CasePriority"/>.
/// </summary>
public sealed class CaseChange
{
    public const int ValueMaxLength = Case.SubjectMaxLength;

    private CaseChange()
    {
    }

    public long Id { get; private set; }

    public long CaseEventId { get; private set; }

    public CaseField Field { get; private set; }

    /// <summary>The value before the edit; null for none (a case without a team).</summary>
    public string? From { get; private set; }

    /// <summary>The value after the edit.</summary>
    public string? To { get; private set; }

    internal static CaseChange Of(CaseField field, string? from, string? to) => new() { Field = field, From = from, To = to };
}
