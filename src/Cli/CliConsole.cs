using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moment.Application;
using Moment.Application.Data;
using Moment.Application.Staff;
using Moment.Domain;

namespace Moment.Cli;

/// <summary>What every command needs: where to write, and a way into the application's use cases.</summary>
public sealed class CliConsole(TextWriter output, TextWriter error, IConfiguration configuration)
{
    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>Runs <paramref name="work"/> in a scope on a migrated database; use-case rule violations become bad input.</summary>
    public async Task<int> WithApplicationAsync(Func<IServiceProvider, Task<int>> work, CancellationToken cancellationToken, bool migrate = true)
    {
        DatabaseSettings settings;
        try
        {
            settings = DatabaseSettings.From(configuration);
        }
        catch (InvalidOperationException invalid)
        {
            throw new CliInputException(invalid.Message);
        }

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddMomentDatabase(settings).AddMomentApplication();
        services.AddStaffIdentity();
        await using var provider = services.BuildServiceProvider();
        if (migrate && settings.MigrateOnStart)
            await DatabaseStartup.PrepareAsync(provider, demoMode: false, cancellationToken);

        await using var scope = provider.CreateAsyncScope();
        try
        {
            return await work(scope.ServiceProvider);
        }
        catch (DomainRuleException rule)
        {
            throw new CliInputException(rule.Message);
        }
        catch (NotFoundException notFound)
        {
            throw new CliInputException(notFound.Message);
        }
    }
}
