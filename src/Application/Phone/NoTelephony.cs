namespace Moment.Application.Phone;

/// <summary>
/// No provider configured (the command line, the Application tests, a Moment without a phone line): nothing can be
/// asked of a provider, and the flow says so rather than pretend. A caller in line is still put through by their wait.
/// </summary>
internal sealed class NoTelephony : ITelephony
{
    public bool IsConfigured => false;

    public Task RedirectAsync(string callId, CallAnswer answer, CancellationToken cancellationToken) =>
        throw new TelephonyException("No phone provider is configured.");

    public Task<string> PlaceCallAsync(string to, CallAnswer answer, CancellationToken cancellationToken) =>
        throw new TelephonyException("No phone provider is configured.");
}
