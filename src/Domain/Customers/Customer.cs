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

    /// <summary>The language the customer is answered in; null while it is not known.</summary>
    public CustomerLanguage? Language { get; private set; }

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

    /// <summary>The language known at registration (an email's, the language it was written in); not a change for the history.</summary>
    public void ChangeLanguage(CustomerLanguage? language) => Language = Known(language);

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

    /// <summary>
    /// Staff correct the details the customer is known and reached by. Each difference is one change for the customer's
    /// history (none when nothing differs); the limits are those of registration.
    /// </summary>
    public IReadOnlyList<CustomerChange> ChangeDetails(
        string? name, IReadOnlyList<CustomerPhoneNumber> phoneNumbers, IReadOnlyList<CustomerEmailAddress> emailAddresses, string? postalAddress,
        CustomerLanguage? language, Guid byId, DateTimeOffset now)
    {
        var newName = Text.Required(name, "Name", NameMaxLength);
        var newAddress = Text.Optional(postalAddress, "PostalAddress", PostalAddressMaxLength);
        var newLanguage = Known(language);
        if (phoneNumbers.Distinct().Count() > MaxPhoneNumbers)
            throw new DomainRuleException("A customer may have at most {0} phone numbers.", "PhoneNumbers", MaxPhoneNumbers);
        if (emailAddresses.Distinct().Count() > MaxEmailAddresses)
            throw new DomainRuleException("A customer may have at most {0} email addresses.", "EmailAddresses", MaxEmailAddresses);
        var changes = new List<CustomerChange>();
        void Changed(CustomerChangeKind kind, string? from, string? to) => changes.Add(CustomerChange.Of(Id, kind, from, to, byId, now));

        if (newName != Name)
        {
            Changed(CustomerChangeKind.Renamed, Name, newName);
            Name = newName;
            SearchName = newName.ToLowerInvariant();
        }

        foreach (var gone in _phoneNumbers.Except(phoneNumbers).ToList())
        {
            _phoneNumbers.Remove(gone);
            Changed(CustomerChangeKind.PhoneNumberRemoved, gone.E164, null);
        }

        foreach (var added in phoneNumbers.Distinct().Except(_phoneNumbers).ToList())
        {
            _phoneNumbers.Add(added);
            Changed(CustomerChangeKind.PhoneNumberAdded, null, added.E164);
        }

        foreach (var gone in _emailAddresses.Except(emailAddresses).ToList())
        {
            _emailAddresses.Remove(gone);
            Changed(CustomerChangeKind.EmailAddressRemoved, gone.Address, null);
        }

        foreach (var added in emailAddresses.Distinct().Except(_emailAddresses).ToList())
        {
            _emailAddresses.Add(added);
            Changed(CustomerChangeKind.EmailAddressAdded, null, added.Address);
        }

        if (newAddress != PostalAddress)
        {
            Changed(CustomerChangeKind.PostalAddressChanged, PostalAddress, newAddress);
            PostalAddress = newAddress;
        }

        if (newLanguage != Language)
        {
            Changed(CustomerChangeKind.LanguageChanged, Language?.ToString(), newLanguage?.ToString());
            Language = newLanguage;
        }

        return changes;
    }

    /// <summary>
    /// <paramref name="other"/> was the same person registered twice ("Margit Andersson" and "Andersson Margit"): their
    /// numbers and addresses become this customer's, and a postal address or a language this one lacks. Their cases and
    /// conversations are moved by the caller; then the other is removed. Refused when the two together have more numbers
    /// or addresses than a customer may, so that nothing is silently dropped.
    /// </summary>
    public IReadOnlyList<CustomerChange> Absorb(Customer other, Guid byId, DateTimeOffset now)
    {
        if (other.Id == Id)
            throw new DomainRuleException("A customer cannot be merged with themselves.", "OtherCustomerId");
        return ChangeDetails(
            // Copies: a number or address belongs to one customer's list, and the other's are removed with them.
            Name, [.. _phoneNumbers, .. other.PhoneNumbers.Select(p => new CustomerPhoneNumber(p.E164))],
            [.. _emailAddresses, .. other.EmailAddresses.Select(e => new CustomerEmailAddress(e.Address))], PostalAddress ?? other.PostalAddress,
            Language ?? other.Language, byId, now)
            .Prepend(CustomerChange.Of(Id, CustomerChangeKind.Merged, other.Name, null, byId, now))
            .ToList();
    }

    // A number sent as the language (an API's JSON may carry one) is no language Moment writes in.
    private static CustomerLanguage? Known(CustomerLanguage? language) =>
        language is { } given && !Enum.IsDefined(given)
            ? throw new DomainRuleException("Choose Swedish or English, or leave the language not known.", "Language")
            : language;
}
