namespace Moment.Domain.Cases;

/// <summary>
/// A file a member of staff put on a case: a photo of the fault, a PDF of the invoice, a log the customer sent some
/// other way. The bytes live in the attachment store under <see cref="StorageKey"/>; the timeline's entry names the file.
/// </summary>
public sealed class CaseFile
{
    public const int FileNameMaxLength = 255;

    private CaseFile()
    {
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public string FileName { get; private set; } = "";

    /// <summary>The type Moment found in the file's first bytes and name (<see cref="CaseFileTypes"/>), never the one the browser claimed.</summary>
    public string ContentType { get; private set; } = "";

    public long Length { get; private set; }

    public string Sha256 { get; private set; } = "";

    public string StorageKey { get; private set; } = "";

    public Guid AddedById { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }

    internal static CaseFile Of(Guid caseId, string fileName, string contentType, long length, string sha256, string storageKey, Guid addedById, DateTimeOffset now) =>
        length <= 0
            ? throw new DomainRuleException("The file is empty.", "File")
            : new()
            {
                Id = Guid.CreateVersion7(now),
                CaseId = caseId,
                FileName = Text.Required(CaseFileTypes.SafeName(fileName), "File", FileNameMaxLength),
                ContentType = Text.Required(contentType, "File", 127),
                Length = length,
                Sha256 = Text.Required(sha256, "File", 64),
                StorageKey = Text.Required(storageKey, "File", FileNameMaxLength),
                AddedById = addedById,
                AddedAt = now,
            };
}

/// <summary>
/// The kinds of file staff may put on a case, told by their content: what the first bytes say (and, for the formats
/// that are zip files or plain text, the name's extension), not the type a browser or a sender claims. Anything else is
/// refused, so that nothing a browser would run as a page (HTML, SVG, script) is ever stored as a case's file.
/// </summary>
public static class CaseFileTypes
{
    /// <summary>How many of a file's first bytes <see cref="Of"/> needs to see.</summary>
    public const int HeadLength = 16;

    /// <summary>The kinds accepted, as people name them, for the page's hint and the refusal.</summary>
    public const string Accepted = "JPEG, PNG, GIF, WebP, HEIC, PDF, Word (.docx), Excel (.xlsx), text (.txt, .csv)";

    /// <summary>The file's type, from its first bytes and its name; null for a kind that is not accepted.</summary>
    public static string? Of(string fileName, ReadOnlySpan<byte> head)
    {
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
            return "image/jpeg";
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
            return "image/png";
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
            return "image/gif";
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
            return "image/webp";
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8) && IsHeicBrand(head[8..12]))
            return "image/heic";
        if (head.StartsWith("%PDF-"u8))
            return "application/pdf";
        if (head.StartsWith((ReadOnlySpan<byte>)[(byte)'P', (byte)'K', 3, 4]))
        {
            return extension switch
            {
                ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                _ => null,
            };
        }

        // Plain text has no signature: the name says it, and the start must not be markup a browser could render.
        if (extension is ".txt" or ".csv" && !head.Contains((byte)0) && !LooksLikeMarkup(head))
            return extension == ".csv" ? "text/csv" : "text/plain";
        return null;
    }

    /// <summary>The name as shown and offered for download: no folders, no control characters.</summary>
    public static string SafeName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/')).Trim();
        return new string([.. name.Where(c => !char.IsControl(c))]);
    }

    private static bool IsHeicBrand(ReadOnlySpan<byte> brand) =>
        brand.SequenceEqual("heic"u8) || brand.SequenceEqual("heix"u8) || brand.SequenceEqual("mif1"u8) || brand.SequenceEqual("msf1"u8);

    private static bool LooksLikeMarkup(ReadOnlySpan<byte> head)
    {
        var start = head.TrimStart(" \t\r\n"u8);
        if (start.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            start = start[3..].TrimStart(" \t\r\n"u8);
        return start.Length > 0 && start[0] == (byte)'<';
    }
}
