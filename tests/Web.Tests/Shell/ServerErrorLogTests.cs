using Microsoft.Extensions.Logging;
using Moment.TestSupport;

namespace Moment.Web.Tests.Shell;

/// <summary>
/// The log that tells why a browser saw a 500 when a test failed in CI: errors go to the file, with their exception;
/// warnings and EF Core's errors (the tests provoke unique violations on purpose) do not.
/// </summary>
public sealed class ServerErrorLogTests
{
    [Fact]
    public void AnError_IsWrittenWithItsException_WarningsAndEfCoresErrorsAreNot()
    {
        var folder = Directory.CreateTempSubdirectory("moment-error-log-").FullName;
        try
        {
            using var log = ServerErrorLog.In(folder);
            log.CreateLogger("Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware")
                .LogError(new InvalidOperationException("The page broke"), "An unhandled exception has occurred while executing the request.");
            log.CreateLogger("Moment.Web.Background.FeedService").LogWarning("Only a warning");
            log.CreateLogger("Microsoft.EntityFrameworkCore.Update").LogError("A unique violation the test provoked");

            var written = File.ReadAllText(log.FilePath);
            Assert.Contains("An unhandled exception has occurred while executing the request.", written, StringComparison.Ordinal);
            Assert.Contains("System.InvalidOperationException: The page broke", written, StringComparison.Ordinal);
            Assert.DoesNotContain("Only a warning", written, StringComparison.Ordinal);
            Assert.DoesNotContain("unique violation", written, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
