using Moment.Domain;
using Moment.Domain.Cases;

namespace Moment.Application.Views;

/// <summary>
/// A person's own view of the desk: one of the built-in views narrowed by filters, in an order, under a name they chose.
/// Only its owner sees it, reads it and changes it.
/// </summary>
public sealed class SavedView
{
    public const int NameMaxLength = 100;

    private SavedView()
    {
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public string Name { get; private set; } = "";

    public CaseView View { get; private set; }

    public ViewSort Sort { get; private set; }

    public CaseStatus? Status { get; private set; }

    public CasePriority? Priority { get; private set; }

    public Door? Door { get; private set; }

    public Guid? CaseTypeId { get; private set; }

    public Guid? TeamId { get; private set; }

    public Guid? OwnerId { get; private set; }

    public int? MinAgeDays { get; private set; }

    public int? MaxAgeDays { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public ViewFilter Filter => new(Status, Priority, Door, CaseTypeId, TeamId, OwnerId, MinAgeDays, MaxAgeDays);

    public static SavedView Create(Guid userId, string name, CaseView view, ViewFilter filter, ViewSort sort, DateTimeOffset now)
    {
        var saved = new SavedView { Id = Guid.NewGuid(), UserId = userId, CreatedAt = now };
        saved.Change(name, view, filter, sort, now);
        return saved;
    }

    public void Change(string name, CaseView view, ViewFilter filter, ViewSort sort, DateTimeOffset now)
    {
        Name = Text.Required(name, "Name", NameMaxLength);
        filter.Check();
        View = view;
        Sort = sort;
        (Status, Priority, Door, CaseTypeId, TeamId, OwnerId, MinAgeDays, MaxAgeDays) =
            (filter.Status, filter.Priority, filter.Door, filter.CaseTypeId, filter.TeamId, filter.OwnerId, filter.MinAgeDays, filter.MaxAgeDays);
        UpdatedAt = now;
    }
}
