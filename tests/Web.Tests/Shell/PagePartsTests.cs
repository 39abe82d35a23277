using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace Moment.Web.Tests.Shell;

/// <summary>
/// The rule that keeps a page's parts off the request's DbContext: a page loads what its parts show and passes it
/// down; a live island loads in a scope of its own. A part that injected a handler on the request's DbContext would
/// query it while the page still awaits its own queries, which PostgreSQL refuses and SQLite lets pass.
/// </summary>
public sealed class PagePartsTests
{
    [Fact]
    public void PartsOfPages_InjectNothingThatUsesTheRequestsDbContext()
    {
        var offenders =
            from component in typeof(Program).Assembly.GetTypes()
            where typeof(IComponent).IsAssignableFrom(component) && !component.IsAbstract
            where !component.IsDefined(typeof(RouteAttribute))
            from property in component.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            where property.GetCustomAttribute<InjectAttribute>() is not null && UsesDbContext(property.PropertyType, [])
            select $"{component.Name} injects {property.PropertyType.Name}";

        Assert.Empty(offenders);
    }

    /// <summary>Whether building <paramref name="type"/> needs a DbContext, directly or through what its constructors take.</summary>
    private static bool UsesDbContext(Type type, HashSet<Type> seen)
    {
        if (typeof(DbContext).IsAssignableFrom(type))
            return true;
        if (type.IsInterface || type.IsAbstract || type.Namespace?.StartsWith("Moment.", StringComparison.Ordinal) != true || !seen.Add(type))
            return false;
        return type.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .SelectMany(constructor => constructor.GetParameters())
            .Any(parameter => UsesDbContext(parameter.ParameterType, seen));
    }
}
