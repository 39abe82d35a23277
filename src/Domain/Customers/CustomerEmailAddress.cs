namespace Moment.Domain.Customers;

/// <summary>An email address, stored lower-cased so that one address is found however it was typed.</summary>
public sealed record CustomerEmailAddress
{
    public const int MaxLength = 254;

    public CustomerEmailAddress(string address)
    {
        var trimmed = Text.Required(address, "EmailAddresses", MaxLength).ToLowerInvariant();
        var at = trimmed.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at == trimmed.Length - 1 || trimmed.Contains(' ', StringComparison.Ordinal))
            throw new DomainRuleException("'{0}' is not an email address.", "EmailAddresses", address);
        Address = trimmed;
    }

    public string Address { get; }
}
