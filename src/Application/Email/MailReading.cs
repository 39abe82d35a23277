using System.Security.Cryptography;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Ganss.Xss;
using MimeKit;
using MimeKit.Text;

namespace Moment.Application.Email;

/// <summary>A message Moment sent that came back undelivered: its Message-ID and why, in the receiving server's words.</summary>
public sealed record Bounce(string MessageId, string Reason);

/// <summary>What the email door reads from a message: whether it is noise, its ids, its case number, its text.</summary>
public static partial class MailReading
{
    /// <summary>
    /// Auto-replies, bounces and list mail (RFC 3834 <c>Auto-Submitted</c>, <c>Precedence</c>, <c>X-Autoreply</c>, a
    /// delivery status notification): answering one starts a loop of machines writing to each other, so they never open
    /// a case and never get a reply.
    /// </summary>
    public static bool IsNoise(MimeMessage message) =>
        IsNoise(message.Headers)
        || message.Body is MultipartReport
        || message.BodyParts.Any(p => p.ContentType.IsMimeType("message", "delivery-status") || p.ContentType.IsMimeType("message", "disposition-notification"));

    /// <summary>
    /// A bounce of a message Moment sent: a delivery status notification (RFC 3464) saying delivery failed for good, the
    /// returned message's Message-ID (from the returned message or its headers) and the receiving server's words. Null for
    /// anything else: a delay ("Action: delayed") is not a failure, and a report that does not return the message names
    /// nothing Moment could find.
    /// </summary>
    public static Bounce? BounceOf(MimeMessage message)
    {
        if (message.Body is not MultipartReport report || !string.Equals(report.ReportType, "delivery-status", StringComparison.OrdinalIgnoreCase))
            return null;
        // The first group is about the message; each one after it about a recipient.
        var failed = report.OfType<MessageDeliveryStatus>().SelectMany(s => s.StatusGroups.Skip(1))
            .FirstOrDefault(g => string.Equals(g["Action"]?.Trim(), "failed", StringComparison.OrdinalIgnoreCase));
        // A returned message (message/rfc822) or its headers alone (text/rfc822-headers).
        var returned = report.OfType<MessagePart>().Select(p => p.Message?.MessageId).FirstOrDefault(id => !string.IsNullOrWhiteSpace(id));
        if (failed is null || returned is null)
            return null;
        var recipient = AfterType(failed["Final-Recipient"] ?? failed["Original-Recipient"]);
        var why = AfterType(failed["Diagnostic-Code"]) ?? failed["Status"]?.Trim() ?? "failed";
        return new Bounce(Bracketed(returned.Trim()), recipient is null ? why : $"{recipient}: {why}");
    }

    /// <summary>A status field's value without its type ("rfc822; kund@example.se", "smtp; 550 5.1.1 …").</summary>
    private static string? AfterType(string? value) =>
        value is null ? null : value.IndexOf(';', StringComparison.Ordinal) is var at and >= 0 ? value[(at + 1)..].Trim() : value.Trim();

    /// <summary>Noise as far as the headers tell (all there is of a message too large to read).</summary>
    public static bool IsNoise(HeaderList headers)
    {
        if (headers[HeaderId.AutoSubmitted] is { } autoSubmitted && !autoSubmitted.Trim().StartsWith("no", StringComparison.OrdinalIgnoreCase))
            return true;
        if (headers["Precedence"]?.Trim().ToLowerInvariant() is "bulk" or "junk" or "list" or "auto_reply")
            return true;
        if (headers.Contains("X-Autoreply") || headers.Contains("X-Autorespond") || headers.Contains("X-Auto-Response-Suppress") && IsOutOfOffice(headers))
            return true;
        return headers[HeaderId.ContentType]?.Contains("multipart/report", StringComparison.OrdinalIgnoreCase) == true;
    }

    // Exchange marks its own out-of-office replies with X-Auto-Response-Suppress and this subject prefix only.
    private static bool IsOutOfOffice(HeaderList headers) =>
        headers[HeaderId.Subject]?.Trim().StartsWith("Automatic reply:", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>
    /// The Message-ID in angle brackets, as headers write it. A message without one gets an id made from its content, so
    /// that the same message delivered twice is still recognised.
    /// </summary>
    public static string MessageIdOf(MimeMessage message, ReadOnlySpan<byte> content) =>
        string.IsNullOrWhiteSpace(message.MessageId)
            ? $"<{Convert.ToHexStringLower(SHA256.HashData(content))}@no-message-id.moment>"
            : Bracketed(message.MessageId);

    /// <summary>The ids this message answers, the nearest first: In-Reply-To, then References from the last.</summary>
    public static IReadOnlyList<string> AnsweredIdsOf(MimeMessage message)
    {
        var ids = new List<string>();
        if (!string.IsNullOrWhiteSpace(message.InReplyTo))
            ids.Add(Bracketed(message.InReplyTo));
        ids.AddRange(message.References.Reverse().Select(Bracketed));
        // A long thread's References can be very long; the nearest messages are the ones that matter.
        return [.. ids.Distinct(StringComparer.Ordinal).Where(id => id.Length <= Domain.Conversations.Conversation.ExternalIdMaxLength).Take(20)];
    }

    /// <summary>The first message of the thread: the oldest in References, or this one.</summary>
    public static string ThreadRootOf(MimeMessage message, string messageId) =>
        message.References.Count > 0 ? Bracketed(message.References[0]) : messageId;

    public static string Bracketed(string id) => id.StartsWith('<') ? id : $"<{id}>";

    /// <summary>A case number in square brackets in the subject, as Moment's own replies write it: <c>[M-2026-000123]</c>.</summary>
    public static string? CaseNumberIn(string? subject) =>
        subject is not null && CaseNumberPattern().Match(subject) is { Success: true } match ? match.Groups[1].Value.ToUpperInvariant() : null;

    [GeneratedRegex(@"<br\s*/?>|</(p|div|li|tr|h[1-6]|blockquote)>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BlockEnd();

    [GeneratedRegex(@"\n\s*\n\s*\n+", RegexOptions.CultureInvariant)]
    private static partial Regex BlankLines();

    [GeneratedRegex(@"\[(M-\d{4}-\d{6})\]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CaseNumberPattern();

    /// <summary>
    /// The message's own words and the quoted history under them (null when there is none), for display: the history
    /// is kept in full and shown on request. The history starts at the first line a mail client writes above a quote
    /// (Gmail's "On … wrote:", "Den … skrev …:", Outlook's "-----Original Message-----" or a From/Från header block
    /// followed by Sent/Skickat/Date/Datum), or at a run of "&gt;" lines that goes to the end. A message that is only a
    /// quote is shown whole.
    /// </summary>
    public static (string Said, string? Quoted) SplitQuoted(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            var next = i + 1 < lines.Length ? lines[i + 1].Trim() : "";
            var starts = QuoteIntroduction().IsMatch(line)
                || QuoteIntroduction().IsMatch($"{line} {next}") && !string.IsNullOrEmpty(next)
                || OriginalMessage().IsMatch(line)
                || HeaderFrom().IsMatch(line) && lines.Skip(i + 1).Take(4).Any(l => HeaderSent().IsMatch(l.Trim()))
                || line.StartsWith('>') && lines.Skip(i).All(l => l.TrimStart().StartsWith('>') || string.IsNullOrWhiteSpace(l));
            if (!starts)
                continue;
            var said = string.Join('\n', lines[..i]).TrimEnd().TrimEnd('_', '-').TrimEnd();
            return said.Length == 0 ? (text, null) : (said, string.Join('\n', lines[i..]).Trim());
        }

        return (text, null);
    }

    [GeneratedRegex(@"^(On\s.+\swrote|Den\s.+\sskrev(\s.+)?|Le\s.+\sa écrit|Am\s.+\sschrieb.*)\s?:$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuoteIntroduction();

    [GeneratedRegex(@"^-{2,}\s*(Original Message|Ursprungligt meddelande|Originalmeddelande|Forwarded message|Vidarebefordrat meddelande)\s*-{2,}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OriginalMessage();

    [GeneratedRegex(@"^\*?(From|Från):\*?\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeaderFrom();

    [GeneratedRegex(@"^\*?(Sent|Skickat|Date|Datum):\*?\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeaderSent();

    /// <summary>The text of the message: its plain text part, or the text of its HTML when it has none.</summary>
    public static string TextOf(MimeMessage message)
    {
        if (message.GetTextBody(TextFormat.Plain) is { } plain && !string.IsNullOrWhiteSpace(plain))
            return plain.Trim();
        if (SanitizedHtmlOf(message) is { } html)
        {
            // Read from the sanitised HTML: a script's or a style's text is not the customer's words.
            using var document = new HtmlParser().ParseDocument(BlockEnd().Replace(html, "$0\n"));
            return BlankLines().Replace(document.Body?.TextContent ?? "", "\n\n").Trim();
        }

        return "";
    }

    /// <summary>The HTML part made safe to show (no scripts, no event handlers, no remote forms), or null without one.</summary>
    public static string? SanitizedHtmlOf(MimeMessage message) =>
        message.HtmlBody is { } html ? Sanitized(html) : null;

    /// <summary>HTML made safe to show: no scripts, no event handlers, no remote forms.</summary>
    public static string Sanitized(string html) => new HtmlSanitizer().Sanitize(html);

    /// <summary>The parts that are files: attachments, inline images, forwarded messages; not the text and HTML bodies.</summary>
    public static IEnumerable<MimeEntity> FilesOf(MimeMessage message)
    {
        foreach (var part in message.BodyParts)
        {
            if (part is TextPart text && !text.IsAttachment && (text.IsPlain || text.IsHtml))
                continue;
            if (part is MimePart or MessagePart)
                yield return part;
        }
    }

    /// <summary>A file's name: as the sender named it, or one made from its type.</summary>
    public static string FileNameOf(MimeEntity part, int index) => part switch
    {
        MimePart { FileName: { Length: > 0 } name } => name,
        MessagePart { Message.Subject: { Length: > 0 } subject } => $"{subject}.eml",
        MessagePart => $"message-{index}.eml",
        _ => $"part-{index}.{MimeTypes.TryGetExtension(part.ContentType.MimeType, out var extension) switch { true => extension.TrimStart('.'), false => "bin" }}",
    };

    public static async Task WriteContentAsync(MimeEntity part, Stream into, CancellationToken cancellationToken)
    {
        switch (part)
        {
            case MimePart { Content: { } content }:
                await content.DecodeToAsync(into, cancellationToken);
                break;
            case MessagePart { Message: { } attached }:
                await attached.WriteToAsync(into, cancellationToken);
                break;
        }
    }
}
