namespace Moment.Application.Phone;

/// <summary>
/// The provider's call control that Moment starts itself (the webhooks are the provider asking; this is Moment asking):
/// send a live call on to new instructions, and place a call. The one seam to a provider's REST API; Twilio's is in
/// <c>src/Web/Features/Phone</c>. Failures that remain after the implementation's own retries are thrown as
/// <see cref="TelephonyException"/>.
/// </summary>
public interface ITelephony
{
    /// <summary>Whether a provider is configured at all; without one, calls are still put through by the waiting loop.</summary>
    bool IsConfigured { get; }

    /// <summary>Interrupts the live call <paramref name="callId"/> with <paramref name="answer"/> (such as a dial to the agent).</summary>
    Task RedirectAsync(string callId, CallAnswer answer, CancellationToken cancellationToken);

    /// <summary>Calls <paramref name="to"/> and, when answered, runs <paramref name="answer"/>. Returns the provider's id of the new call.</summary>
    Task<string> PlaceCallAsync(string to, CallAnswer answer, CancellationToken cancellationToken);
}

/// <summary>The provider could not be reached or refused, after retries.</summary>
public sealed class TelephonyException(string message, Exception? inner = null) : Exception(message, inner);
