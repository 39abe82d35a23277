using Moment.Domain.Calendar;

namespace Moment.Domain.Teams;

/// <summary>
/// A group of staff with a named team lead (who receives escalations) and a named responsible manager
/// (who takes the call when a customer asks for the manager; PRODUCT.md principle 8). Staff are referred to by their user id.
/// </summary>
public sealed class Team
{
    public const int NameMaxLength = 100;

    private Team(Guid id, string name)
    {
        Id = id;
        Name = name;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>The team lead: receives escalations of this team's cases (principle 2).</summary>
    public Guid? TeamLeadId { get; private set; }

    /// <summary>The responsible manager: named to the customer who asks for the manager (principle 8).</summary>
    public Guid? ResponsibleManagerId { get; private set; }

    /// <summary>When the team is open: promise deadlines in business days or hours count only this time.</summary>
    public BusinessCalendarSettings Calendar { get; private set; } = BusinessCalendarSettings.Swedish;

    public static Team Create(string name) => new(Guid.CreateVersion7(), Text.Required(name, "Name", NameMaxLength));

    public void Rename(string name) => Name = Text.Required(name, "Name", NameMaxLength);

    public void ChangeCalendar(BusinessCalendarSettings calendar)
    {
        // Building the calendar validates the settings (time zone, opening hours) before they are kept.
        _ = new BusinessCalendar(calendar);
        Calendar = calendar;
    }

    public void AppointLeadership(Guid? teamLeadId, Guid? responsibleManagerId)
    {
        TeamLeadId = teamLeadId;
        ResponsibleManagerId = responsibleManagerId;
    }
}
