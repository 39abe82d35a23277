namespace Moment.Web.Features.Cases;

/// <summary>
/// The number customers call (<c>Moment:CustomerServicePhone</c>), shown wherever a customer is told to call us: their
/// page, the page for a link that does not work, the letter. None configured, none shown.
/// </summary>
public sealed record CustomerServicePhone(string? Number, string? Dial)
{
    public static CustomerServicePhone From(IConfiguration configuration) =>
        configuration["Moment:CustomerServicePhone"]?.Trim() is { Length: > 0 } number
            ? new(number, Moment.Application.Customers.PhoneNumbers.TryNormalize(number))
            : new(null, null);
}
