using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Moment.TestSupport;

/// <summary>
/// The errors the app under test logs (an unhandled exception in a request, a background loop that failed), written to a
/// file of this test process in the folder <c>MOMENT_TEST_LOGS</c> names, which <c>./test.sh</c> prints when a test failed.
/// A browser only sees "the server answered 500"; this says why. EF Core's own errors are left out: the tests provoke
/// unique violations on purpose, and the code that catches them decides what they mean.
/// </summary>
public sealed class ServerErrorLog : ILoggerProvider
{
    private static readonly Lock Writing = new();
    private readonly string _file;

    private ServerErrorLog(string folder) =>
        _file = Path.Combine(folder, $"{Process.GetCurrentProcess().ProcessName}-{Environment.ProcessId}.log");

    /// <summary>Null when no folder is named (a test run by hand): the app then logs nothing, as before.</summary>
    public static ServerErrorLog? FromEnvironment() =>
        Environment.GetEnvironmentVariable("MOMENT_TEST_LOGS") is { Length: > 0 } folder && Directory.Exists(folder) ? new(folder) : null;

    public static ServerErrorLog In(string folder) => new(folder);

    /// <summary>The file this process writes to.</summary>
    public string FilePath => _file;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Write(string category, LogLevel level, EventId eventId, string message, Exception? exception)
    {
        var text = $"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {level} {category}[{eventId.Id}] (test: {TestContext.Current.Test?.TestDisplayName ?? "none"})"
            + $"{Environment.NewLine}  {message}{Environment.NewLine}{(exception is null ? "" : "  " + exception + Environment.NewLine)}";
        lock (Writing)
            File.AppendAllText(_file, text);
    }

    private sealed class Logger(ServerErrorLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) =>
            logLevel >= LogLevel.Error && !category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                log.Write(category, logLevel, eventId, formatter(state, exception), exception);
        }
    }
}
