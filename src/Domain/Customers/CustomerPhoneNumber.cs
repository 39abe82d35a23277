namespace Moment.Domain.Customers;

/// <summary>A phone number in E.164 form (<c>+4681234567</c>), so one number has one spelling whatever notation it was typed in.</summary>
public sealed record CustomerPhoneNumber
{
    public const int MaxLength = 16;

    public CustomerPhoneNumber(string e164)
    {
        if (e164 is not ['+', _, ..] || e164.Length > MaxLength || !e164[1..].All(char.IsAsciiDigit))
            throw new DomainRuleException("A phone number must be in E.164 form, such as +4681234567.", "PhoneNumbers");
        E164 = e164;
    }

    public string E164 { get; }
}
