using System.Xml.Linq;

namespace Moment.Architecture.Tests;

/// <summary>Keeps the project references to what docs/architecture.md allows.</summary>
public sealed class ProjectReferenceTests
{
    private static readonly string Root = FindRoot();

    public static TheoryData<string> Projects() => [.. AllowedReferences().Keys];

    [Theory]
    [MemberData(nameof(Projects))]
    public void Project_ReferencesOnlyWhatTheArchitectureAllows(string project)
    {
        var allowed = AllowedReferences()[project];

        var actual = ProjectReferences(project);

        Assert.Empty(actual.Except(allowed));
    }

    [Fact]
    public void EveryProjectUnderSrc_IsInTheTable()
    {
        var projects = Directory.GetDirectories(Path.Combine(Root, "src")).Select(Path.GetFileName).OfType<string>();

        Assert.Equal(projects.Order(StringComparer.Ordinal), AllowedReferences().Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Domain")]
    [InlineData("Staffing")]
    public void PureLibrary_HasNoPackageReferences(string project)
    {
        var csproj = XDocument.Load(Path.Combine(Root, "src", project, $"{project}.csproj"));

        Assert.Empty(csproj.Descendants("PackageReference"));
        Assert.Empty(csproj.Descendants("FrameworkReference"));
    }

    private static IReadOnlyList<string> ProjectReferences(string project) =>
        XDocument.Load(Path.Combine(Root, "src", project, $"{project}.csproj"))
            .Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToList();

    private static Dictionary<string, string[]> AllowedReferences()
    {
        var text = File.ReadAllText(Path.Combine(Root, "docs", "architecture.md"));
        var start = text.IndexOf("<!-- allowed-references -->", StringComparison.Ordinal);
        var end = text.IndexOf("<!-- /allowed-references -->", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "docs/architecture.md lost its allowed-references table.");
        return text[start..end]
            .Split('\n')
            .Where(line => line.StartsWith('|') && !line.StartsWith("|---", StringComparison.Ordinal) && !line.StartsWith("| project", StringComparison.Ordinal))
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(
                cells => cells[0],
                cells => cells[1] == "(nothing)" ? [] : cells[1].Split(',', StringSplitOptions.TrimEntries),
                StringComparer.Ordinal);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Moment.slnx")))
                return dir.FullName;
        }

        throw new InvalidOperationException("Moment.slnx not found above " + AppContext.BaseDirectory);
    }
}
