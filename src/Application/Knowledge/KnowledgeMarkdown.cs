using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Moment.Application.Knowledge;

/// <summary>
/// Articles' Markdown to HTML, safely: raw HTML is disabled in the pipeline (written as text, so a script tag is shown,
/// not run), and a link or image whose address is not http, https, mailto, tel or a path in Moment loses its address
/// (a javascript: link is the one hole left when raw HTML is off). Chosen over an HTML sanitiser: nothing to configure,
/// no second parser, and an article never needs HTML Markdown cannot say.
/// </summary>
public static class KnowledgeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    private static readonly string[] SafeSchemes = ["http", "https", "mailto", "tel"];

    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafe(link.Url))
                link.Url = "";
        }

        foreach (var link in document.Descendants<AutolinkInline>())
        {
            if (!IsSafe(link.Url))
                link.Url = "";
        }

        return document.ToHtml(Pipeline);
    }

    /// <summary>The text without Markdown, for the search index and snippets.</summary>
    public static string ToPlainText(string markdown) => Markdown.ToPlainText(markdown, Pipeline);

    private static bool IsSafe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
            return true;
        var trimmed = url.Trim();
        if (trimmed.StartsWith('/') && !trimmed.StartsWith("//", StringComparison.Ordinal) || trimmed.StartsWith('#'))
            return true;
        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && SafeSchemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase);
    }
}
