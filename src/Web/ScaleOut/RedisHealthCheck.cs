using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Moment.Web.ScaleOut;

/// <summary>Ready only while Redis answers: without it, live news and cache news stay on the instance that made them.</summary>
internal sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"Redis answered in {latency.TotalMilliseconds:0.#} ms.");
        }
        catch (Exception error) when (error is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Redis does not answer.", error);
        }
    }
}
