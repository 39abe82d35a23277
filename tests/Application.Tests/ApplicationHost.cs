using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moment.Application.Data;
using Moment.Application.Staff;
using Moment.TestSupport;

namespace Moment.Application.Tests;

/// <summary>The application's use cases on a real, migrated database with demo data, without the web host.</summary>
public class ApplicationHost(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase? _database;
    private ServiceProvider? _services;

    public DatabaseProvider Provider { get; } = provider;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

    public async ValueTask InitializeAsync()
    {
        if (Provider == DatabaseProvider.Postgres && PostgresServer.ConnectionString is null)
            return;
        _database = await TestDatabase.CreateAsync(Provider);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Time);
        AddServices(services);
        services.AddMomentDatabase(_database.Settings).AddMomentApplication();
        services.AddStaffIdentity();
        _services = services.BuildServiceProvider();
        await DatabaseStartup.PrepareAsync(_services, demoMode: true);
    }

    /// <summary>A second app instance on the same database, as when Moment scales out: its own services, connections and caches.</summary>
    public ServiceProvider AnotherInstance()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Time);
        services.AddMomentDatabase((_database ?? throw new InvalidOperationException("Not initialised.")).Settings).AddMomentApplication();
        services.AddStaffIdentity();
        return services.BuildServiceProvider();
    }

    /// <summary>Services of a test's own, registered before the application's (which adds only what is missing), such as a notifier that records.</summary>
    protected virtual void AddServices(IServiceCollection services)
    {
    }

    public void RequireProvider()
    {
        if (Provider == DatabaseProvider.Postgres)
            PostgresServer.RequireOrSkip();
    }

    /// <summary>A fresh scope, as one request would have: its own DbContext.</summary>
    public AsyncServiceScope Scope() =>
        (_services ?? throw new InvalidOperationException("Not initialised.")).CreateAsyncScope();

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
            await _services.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteHost() : ApplicationHost(DatabaseProvider.Sqlite);

public sealed class PostgresHost() : ApplicationHost(DatabaseProvider.Postgres);
