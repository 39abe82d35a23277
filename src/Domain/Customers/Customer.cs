namespace Moment.Domain.Customers;

/// <summary>
/// A person or company the organisation serves. Nothing but the name is required: a customer may have only a
/// landline, only a postal address, or nothing digital at all (story 5), and must still be served through every door.
/// </summary>
public sealed class Customer
{
    public const int NameMaxLength = 200;
    public const int PostalAddressMaxLength = 500;

    /// <summary>More than any person or company needs; a list without a limit let one request store 100,000 numbers.</summary>
    public const int MaxPhoneNumbers = 20;

    public const int MaxEmailAddresses = 20;

    private readonly List<CustomerPhoneNumber> _phoneNumbers = [];
    private readonly List<CustomerEmailAddress> _emailAddresses = [];

    private Customer(Guid id, string name, DateTimeOffset createdAt)
    {
        Id = id;
        Name = name;
        SearchName = name.ToLowerInvariant();
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>The name lower-cased with invariant rules, so that "åberg" finds "Åberg" on every database.</summary>
    public string SearchName { get; private set; }

    public string? PostalAddress { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>A key account's regular contact: their new contacts reach this person, or the stand-in while they are away.</summary>
    public Guid? RegularContactId { get; private set; }

    /// <summary>Numbers in E.164 form (+46…); normalising a number as typed is the caller's job.</summary>
    public IReadOnlyList<CustomerPhoneNumber> PhoneNumbers => _phoneNumbers;

    public IReadOnlyList<CustomerEmailAddress> EmailAddresses => _emailAddresses;

    public static Customer Register(string name, DateTimeOffset now) =>
        new(Guid.CreateVersion7(), Text.Required(name, "Name", NameMaxLength), now);

    public void ChangePostalAddress(string? postalAddress) =>
        PostalAddress = Text.Optional(postalAddress, "PostalAddress", PostalAddressMaxLength);

    public void AddPhoneNumber(CustomerPhoneNumber number)
    {
        if (_phoneNumbers.Contains(number))
            return;
        if (_phoneNumbers.Count >= MaxPhoneNumbers)
            throw new DomainRuleException("A customer may have at most {0} phone numbers.", "PhoneNumbers", MaxPhoneNumbers);
        _phoneNumbers.Add(number);
    }

    public void AddEmailAddress(CustomerEmailAddress address)
    {
        if (_emailAddresses.Contains(address))
            return;
        if (_emailAddresses.Count >= MaxEmailAddresses)
            throw new DomainRuleException("A customer may have at most {0} email addresses.", "EmailAddresses", MaxEmailAddresses);
        _emailAddresses.Add(address);
    }

    public void AssignRegularContact(Guid? staffId) => RegularContactId = staffId;
}
