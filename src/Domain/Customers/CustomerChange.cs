namespace Moment.Domain.Customers;

public enum CustomerChangeKind
{
    Renamed,
    PhoneNumberAdded,
    PhoneNumberRemoved,
    EmailAddressAdded,
    EmailAddressRemoved,
    PostalAddressChanged,

    /// <summary>
    /// The language the customer is answered in: <see cref="CustomerChange.From"/> and <see cref="CustomerChange.To"/> are
    /// <see cref="CustomerLanguage"/> names, null for not known.
    /// </summary>
    LanguageChanged,

    /// <summary>Another customer who was the same person was merged into this one: <see cref="CustomerChange.From"/> is their name.</summary>
    Merged,
}

/// <summary>
/// One change to a customer's details, who made it and when: the history on the customer's page. Kept as what changed
/// (from, to) rather than as a sentence, so that each reader sees it in their own language.
/// </summary>
public sealed class CustomerChange
{
    public const int ValueMaxLength = Customer.PostalAddressMaxLength;

    private CustomerChange()
    {
    }

    public long Id { get; private set; }

    public Guid CustomerId { get; private set; }

    public CustomerChangeKind Kind { get; private set; }

    public string? From { get; private set; }

    public string? To { get; private set; }

    public Guid ById { get; private set; }

    public DateTimeOffset At { get; private set; }

    public static CustomerChange Of(Guid customerId, CustomerChangeKind kind, string? from, string? to, Guid byId, DateTimeOffset at) =>
        new() { CustomerId = customerId, Kind = kind, From = from, To = to, ById = byId, At = at };
}
