using PhoneNumbers;

namespace Moment.Application.Customers;

/// <summary>
/// Turns a phone number as people write it ("08-123 45 67", "070 123 45 67", "+46 (0)8 123 45 67", "0046 8 …")
/// into E.164 (+4681234567) with libphonenumber, Swedish numbers assumed unless a country code is given.
/// </summary>
public static class PhoneNumbers
{
    /// <summary>The longest a number may be as typed, spaces, dashes and "(0)" included: "+46 (0)70-123 45 67" is 19.</summary>
    public const int MaxTypedLength = 32;

    private const string DefaultRegion = "SE";
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>The number in E.164, or null when it is not a possible phone number.</summary>
    public static string? TryNormalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || !text.Any(char.IsAsciiDigit))
            return null;
        try
        {
            var cleaned = text.Replace("(0)", "", StringComparison.Ordinal).Trim();
            if (cleaned.StartsWith("00", StringComparison.Ordinal))
                cleaned = "+" + cleaned[2..];
            var number = Util.Parse(cleaned, DefaultRegion);
            return Util.IsPossibleNumber(number) ? Util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>How a Swedish number is written in Sweden (08-123 45 67), others internationally.</summary>
    public static string Display(string e164)
    {
        try
        {
            var number = Util.Parse(e164, DefaultRegion);
            return Util.Format(number, number.CountryCode == 46 ? PhoneNumberFormat.NATIONAL : PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException)
        {
            return e164;
        }
    }
}
