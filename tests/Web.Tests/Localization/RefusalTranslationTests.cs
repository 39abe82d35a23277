using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Moment.Web.Tests.Localization;

/// <summary>
/// Every refusal that Domain and Application can throw reaches a page, which says it in the reader's language
/// (<c>Refusals.Say</c>). The source is read, not run: each refusal's format must be a literal (directly, through a
/// constant, or through a helper that passes its parameter on, such as a CSV row's <c>Error</c>), and each must have a
/// Swedish translation with the same placeholders. So a new rule without a translation fails here, not in front of a customer.
/// </summary>
public sealed partial class RefusalTranslationTests
{
    private static readonly string Root = FindRoot();

    private static readonly string[] Refusals = ["DomainRuleException", "ConflictException", "ForbiddenException", "NotFoundException"];

    /// <summary>Passes a library's own words on as they are (<c>StaffingMessages.Refusal</c>): nothing to translate.</summary>
    private const string PassedOn = "{0}";

    [Fact]
    public void Refusals_InDomainAndApplication_AreLiteralFormats()
    {
        var (_, problems) = Scan();

        Assert.True(problems.Count == 0, "Refusals whose format is not a literal (use a format with arguments):\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Refusals_InDomainAndApplication_HaveASwedishTranslationWithTheSamePlaceholders()
    {
        var (formats, _) = Scan();
        var swedish = SwedishTexts();

        Assert.True(formats.Count > 100, $"expected the scan to find the refusals, found {formats.Count}");
        var missing = formats.Where(f => f != PassedOn && !swedish.ContainsKey(f)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "Refusals without a Swedish translation in SharedResource.sv.resx:\n" + string.Join("\n", missing));
        var mismatched = formats.Where(f => swedish.TryGetValue(f, out var sv) && !Placeholders(f).SetEquals(Placeholders(sv))).ToList();
        Assert.True(mismatched.Count == 0, "Swedish translations with other placeholders than the English:\n" + string.Join("\n", mismatched));
    }

    [Fact]
    public void FieldNames_InTextRules_HaveASwedishTranslation()
    {
        var fields = Sources().SelectMany(tree => tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>())
            .Where(call => call.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.Text: "Text" } } access
                && access.Name.Identifier.Text is "Required" or "Optional")
            .Select(call => call.ArgumentList.Arguments[1].Expression is LiteralExpressionSyntax literal ? literal.Token.ValueText : call.ToString())
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var swedish = SwedishTexts();

        Assert.NotEmpty(fields);
        Assert.True(fields.All(swedish.ContainsKey), "Field names in Text rules without a Swedish word:\n" + string.Join("\n", fields.Where(f => !swedish.ContainsKey(f))));
    }

    /// <summary>
    /// The formats of every refusal, and the places whose format is not a literal. A method that passes one of its
    /// parameters on as a refusal's format is itself a place where formats are given, so its callers are read too.
    /// </summary>
    private static (HashSet<string> Formats, List<string> Problems) Scan()
    {
        var trees = Sources();
        var nodes = trees.SelectMany(tree => tree.GetRoot().DescendantNodes()).ToList();
        var constants = nodes.OfType<VariableDeclaratorSyntax>()
            .Where(v => v.Parent?.Parent is FieldDeclarationSyntax field && field.Modifiers.Any(SyntaxKind.ConstKeyword)
                && v.Initializer?.Value is LiteralExpressionSyntax)
            .GroupBy(v => v.Identifier.Text)
            .ToDictionary(g => g.Key, g => ((LiteralExpressionSyntax)g.First().Initializer!.Value).Token.ValueText, StringComparer.Ordinal);

        // Where formats are given: (type or method name, argument position). Grown until no forwarding helper is left.
        var sinks = Refusals.Select(name => (name, 0)).ToHashSet();
        var calls = nodes.Where(n => n is BaseObjectCreationExpressionSyntax or InvocationExpressionSyntax).ToList();
        bool grown;
        do
        {
            grown = false;
            foreach (var call in calls)
            {
                if (FormatArgument(call, sinks) is not IdentifierNameSyntax { Identifier.Text: var name }
                    || call.FirstAncestorOrSelf<BaseMethodDeclarationSyntax>() is not MethodDeclarationSyntax method)
                {
                    continue;
                }
                var index = method.ParameterList.Parameters.IndexOf(p => p.Identifier.Text == name);
                if (index >= 0)
                    grown |= sinks.Add((method.Identifier.Text, index));
            }
        }
        while (grown);

        var formats = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var call in calls)
        {
            switch (FormatArgument(call, sinks))
            {
                case null:
                    break;
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                    formats.Add(literal.Token.ValueText);
                    break;
                case IdentifierNameSyntax identifier when constants.TryGetValue(identifier.Identifier.Text, out var constant):
                    formats.Add(constant);
                    break;
                case IdentifierNameSyntax identifier when call.FirstAncestorOrSelf<MethodDeclarationSyntax>() is { } method
                    && method.ParameterList.Parameters.Any(p => p.Identifier.Text == identifier.Identifier.Text):
                    break;
                case var other:
                    var line = other.GetLocation().GetLineSpan();
                    problems.Add($"{Path.GetRelativePath(Root, line.Path)}:{line.StartLinePosition.Line + 1}: {other}");
                    break;
            }
        }

        return (formats, problems);
    }

    /// <summary>The argument at a format position, when <paramref name="call"/> creates a refusal or calls a forwarding helper.</summary>
    private static ExpressionSyntax? FormatArgument(SyntaxNode call, HashSet<(string Name, int Index)> sinks)
    {
        var (name, arguments) = call switch
        {
            ObjectCreationExpressionSyntax creation => (creation.Type switch
            {
                QualifiedNameSyntax qualified => qualified.Right.Identifier.Text,
                SimpleNameSyntax simple => simple.Identifier.Text,
                _ => null,
            }, creation.ArgumentList),
            // `new(...)` in a method that returns a refusal (a CSV row's Error).
            ImplicitObjectCreationExpressionSyntax implicitCreation => (
                implicitCreation.FirstAncestorOrSelf<MethodDeclarationSyntax>()?.ReturnType is IdentifierNameSyntax returned ? returned.Identifier.Text : null,
                implicitCreation.ArgumentList),
            InvocationExpressionSyntax invocation => (invocation.Expression switch
            {
                MemberAccessExpressionSyntax access => access.Name.Identifier.Text,
                SimpleNameSyntax simple => simple.Identifier.Text,
                _ => null,
            }, invocation.ArgumentList),
            _ => (null, null),
        };
        if (name is null || arguments is null)
            return null;
        foreach (var (sink, index) in sinks)
        {
            if (sink == name && index < arguments.Arguments.Count && arguments.Arguments[index].NameColon is null)
                return arguments.Arguments[index].Expression;
        }

        return null;
    }

    private static List<SyntaxTree> Sources() =>
        new[] { "Domain", "Application" }
            .SelectMany(project => Directory.EnumerateFiles(Path.Combine(Root, "src", project), "*.cs", SearchOption.AllDirectories))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), path: path))
            .ToList();

    private static Dictionary<string, string> SwedishTexts() =>
        XDocument.Load(Path.Combine(Root, "src", "Web", "Resources", "Localization", "SharedResource.sv.resx"))
            .Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    private static HashSet<string> Placeholders(string format) =>
        PlaceholderPattern().Matches(format).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\{(\d+)[:,}]")]
    private static partial Regex PlaceholderPattern();

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
