using Moment.Domain.Calendar;
using Moment.Domain.Cases;

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

    /// <summary>
    /// Where the team's people meet customers (the shop, on board, the phone): the door a case they register starts at
    /// unless they say otherwise, so shop staff are not offered "phone" every time.
    /// </summary>
    public Door Door { get; private set; } = Door.Phone;

    public static Team Create(string name) => new(Guid.CreateVersion7(), Text.Required(name, "Name", NameMaxLength));

    public void Rename(string name) => Name = Text.Required(name, "Name", NameMaxLength);

    public void MeetCustomersAt(Door door) => Door = Enum.IsDefined(door) ? door : throw new DomainRuleException("Choose one of the doors.", "Door");

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
