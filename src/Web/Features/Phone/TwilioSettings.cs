namespace Moment.Web.Features.Phone;

/// <summary>
/// The Twilio account (<c>Phone:Twilio</c>): its SID and auth token from user secrets or the environment, never from the
/// repository (the auth token signs every webhook and opens the REST API), and the REST API's address, which tests point
/// at a stub on loopback.
/// </summary>
internal sealed class TwilioSettings
{
    public const string Section = "Phone:Twilio";

    public static readonly Uri TwilioRestBase = new("https://api.twilio.com");

    public string? AccountSid { get; init; }

    public string? AuthToken { get; init; }

    public Uri RestBaseUrl { get; init; } = TwilioRestBase;

    /// <summary>How long one REST request may take before it is tried again.</summary>
    public int RestTimeoutSeconds { get; init; } = 10;

    public bool CanValidate => !string.IsNullOrEmpty(AuthToken);

    public bool CanCall => !string.IsNullOrEmpty(AccountSid) && CanValidate;
}
