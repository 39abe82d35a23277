using Microsoft.Extensions.Options;
using Moment.Application.Phone;
using Moment.Web.Security;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace Moment.Web.Features.Phone;

/// <summary>
/// Twilio's REST API for what Moment starts itself: a live call sent on to a dial (Calls update with TwiML), a callback
/// placed (Calls create, its status posted back to <c>/api/phone/twilio/status</c>). A connection failure, a timeout, a
/// 429 or a 5xx is tried again after 0.5 s and 2 s; a refusal (4xx) is not. What still fails is a
/// <see cref="TelephonyException"/>, which the flow logs on the call and tells the agent.
/// </summary>
internal sealed class TwilioTelephony : ITelephony
{
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2)];

    private readonly TwilioSettings _settings;
    private readonly PhoneSettings _phone;
    private readonly PublicAddress _address;
    private readonly Lazy<TwilioRestClient> _client;

    public TwilioTelephony(IOptions<TwilioSettings> settings, PhoneSettings phone, PublicAddress address)
    {
        _settings = settings.Value;
        _phone = phone;
        _address = address;
        _client = new(() => new TwilioRestClient(
            _settings.AccountSid, _settings.AuthToken,
            httpClient: new Twilio.Http.SystemNetHttpClient(new HttpClient(new RestBase(_settings.RestBaseUrl))
            {
                Timeout = TimeSpan.FromSeconds(Math.Clamp(_settings.RestTimeoutSeconds, 1, 60)),
            })));
    }

    public bool IsConfigured => _settings.CanCall && !string.IsNullOrEmpty(_phone.CallbackFrom);

    public Task RedirectAsync(string callId, CallAnswer answer, CancellationToken cancellationToken) =>
        WithRetriesAsync(async () =>
        {
            Require(callback: false);
            await CallResource.UpdateAsync(new UpdateCallOptions(callId) { Twiml = new Twiml(TwilioCallAnswers.Render(answer, PathString.Empty)) }, _client.Value);
            return callId;
        }, cancellationToken);

    public Task<string> PlaceCallAsync(string to, CallAnswer answer, CancellationToken cancellationToken) =>
        WithRetriesAsync(async () =>
        {
            Require(callback: true);
            var call = await CallResource.CreateAsync(new CreateCallOptions(new PhoneNumber(to), new PhoneNumber(_phone.CallbackFrom))
            {
                Twiml = new Twiml(TwilioCallAnswers.Render(answer, PathString.Empty)),
                StatusCallback = new Uri(TwilioPhoneApi.StatusUrl(_address.BaseUrl)),
                StatusCallbackMethod = Twilio.Http.HttpMethod.Post,
            }, _client.Value);
            return call.Sid;
        }, cancellationToken);

    private void Require(bool callback)
    {
        if (!_settings.CanCall)
            throw new TelephonyException("Twilio is not configured: set Phone:Twilio:AccountSid and Phone:Twilio:AuthToken.");
        if (callback && string.IsNullOrEmpty(_phone.CallbackFrom))
            throw new TelephonyException("Set Phone:CallbackFrom, the Twilio number callbacks are placed from.");
    }

    private static async Task<string> WithRetriesAsync(Func<Task<string>> request, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await request();
            }
            catch (Exception failure) when (Transient(failure, cancellationToken) && attempt < Backoff.Length)
            {
                // Wall-clock waits on purpose: this is the network's time, not the queue's, and no rule reads it.
                await Task.Delay(Backoff[attempt], cancellationToken);
            }
            catch (Exception failure) when (failure is TwilioException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                throw new TelephonyException(failure is ApiException api
                    ? $"Twilio answered {api.Status} (error {api.Code}): {api.Message}"
                    : $"Twilio could not be reached: {failure.Message}", failure);
            }
        }
    }

    private static bool Transient(Exception failure, CancellationToken cancellationToken) => failure switch
    {
        ApiException api => api.Status is 429 or >= 500,
        ApiConnectionException or HttpRequestException => true,
        TaskCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    /// <summary>Sends the client's requests to the configured REST address (a stub in tests) instead of api.twilio.com.</summary>
    private sealed class RestBase(Uri baseUrl) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri is { } uri && baseUrl != TwilioSettings.TwilioRestBase)
            {
                request.RequestUri = new Uri(baseUrl, uri.PathAndQuery);
                // The client names api.twilio.com in the Host header itself; the new address's host goes instead.
                request.Headers.Host = null;
            }
            return base.SendAsync(request, cancellationToken);
        }
    }
}

internal static class TwilioPhoneSetup
{
    public static IServiceCollection AddTwilioPhone(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(PhoneSettings.Section).Get<PhoneSettings>() ?? new PhoneSettings());
        services.Configure<TwilioSettings>(configuration.GetSection(TwilioSettings.Section));
        services.AddSingleton<TwilioSignature>();
        services.AddSingleton<ITelephony, TwilioTelephony>();
        return services;
    }
}
