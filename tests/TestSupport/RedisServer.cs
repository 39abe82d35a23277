namespace Moment.TestSupport;

/// <summary>
/// The Redis server the scale-out tests may use: <c>MOMENT_TEST_REDIS</c> holds its address (<c>./test.sh</c> starts one
/// and sets it). Without it, those tests are skipped locally and fail in CI, as with <see cref="PostgresServer"/>.
/// </summary>
public static class RedisServer
{
    public const string Variable = "MOMENT_TEST_REDIS";

    public static string? Address => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static void RequireOrSkip()
    {
        if (Address is not null)
            return;
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"CI must test the scale-out on Redis, but {Variable} is not set. Run the suite with ./test.sh.");
        Assert.Skip($"Redis is not configured ({Variable}); ./test.sh starts one.");
    }

    /// <summary>
    /// A connection string for one installation: its own channel prefix, so that the test fixtures sharing the server
    /// never hear each other's live news or cache news.
    /// </summary>
    public static string ConnectionStringForOneInstallation() =>
        $"{Address ?? throw new InvalidOperationException($"{Variable} is not set.")},channelPrefix=moment-test-{Guid.NewGuid():N}";
}
