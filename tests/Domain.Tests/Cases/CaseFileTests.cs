using System.Text;
using Moment.Domain.Cases;

namespace Moment.Domain.Tests.Cases;

/// <summary>Files staff put on a case: told by their content, never by the name or type they claim; one internal entry each.</summary>
public sealed class CaseFileTests
{
    private static readonly Guid Karin = Guid.NewGuid();
    private static readonly DateTimeOffset Registered = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, byte[], string> Accepted => new()
    {
        { "fault.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F'], "image/jpeg" },
        // A phone's photo named without its extension, or wrongly: the content says what it is.
        { "IMG_0042", [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D], "image/png" },
        { "router.gif", Encoding.ASCII.GetBytes("GIF89a\x01\x00\x01\x00"), "image/gif" },
        { "screen.webp", Encoding.ASCII.GetBytes("RIFF\x24\x00\x00\x00WEBPVP8 "), "image/webp" },
        { "IMG_0043.HEIC", [0, 0, 0, 0x18, .. "ftypheic"u8, 0, 0, 0, 0], "image/heic" },
        { "faktura.pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n%\xE2\xE3"), "application/pdf" },
        { "logg.docx", [(byte)'P', (byte)'K', 3, 4, 20, 0, 6, 0], "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "mätvärden.xlsx", [(byte)'P', (byte)'K', 3, 4, 20, 0, 6, 0], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "modem-logg.txt", Encoding.UTF8.GetBytes("2026-12-04 08:01 link down"), "text/plain" },
        { "förbrukning.CSV", Encoding.UTF8.GetBytes("\uFEFFdatum;kWh\n2026-12-01;14"), "text/csv" },
    };

    public static TheoryData<string, byte[]> Refused => new()
    {
        // A page a browser would run, named as a photo.
        { "photo.jpg", Encoding.UTF8.GetBytes("<!doctype html><script>alert(1)</script>") },
        { "icon.svg", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script/></svg>") },
        { "notes.txt", Encoding.UTF8.GetBytes("  <html><body>hi</body></html>") },
        { "program.exe", [(byte)'M', (byte)'Z', 0x90, 0] },
        // A zip file is only a document when its name says which; any other zip is refused.
        { "archive.zip", [(byte)'P', (byte)'K', 3, 4, 20, 0] },
        { "data.txt", [(byte)'a', 0, (byte)'b'] },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Of_AFileOfAnAcceptedKind_IsToldByItsContent(string name, byte[] head, string type) =>
        Assert.Equal(type, CaseFileTypes.Of(name, head));

    [Theory]
    [MemberData(nameof(Refused))]
    public void Of_AnyOtherFile_IsNotAccepted(string name, byte[] head) =>
        Assert.Null(CaseFileTypes.Of(name, head));

    [Theory]
    [InlineData("C:\\Users\\karin\\Desktop\\fel.jpg", "fel.jpg")]
    [InlineData("../../etc/passwd.txt", "passwd.txt")]
    [InlineData("rad\nbrytning.pdf", "radbrytning.pdf")]
    public void SafeName_KeepsTheNameOnly(string given, string kept) => Assert.Equal(kept, CaseFileTypes.SafeName(given));

    [Fact]
    public void AttachFile_WritesOneInternalEntryNamingTheFile_WithWhatItShows()
    {
        var @case = Register();
        var version = @case.Version;
        var at = Registered.AddMinutes(5);

        var file = @case.AttachFile(Karin, "fel.jpg", "image/jpeg", 123_456, new string('a', 64), "sha256-" + new string('a', 64), " The modem's lights ", at);

        var entry = @case.Timeline[^1];
        Assert.Equal((CaseEventKind.FileAttached, Karin, "The modem's lights", file.Id, false), (entry.Kind, entry.ActorId, entry.Text, entry.FileId, entry.IsPublic));
        Assert.Equal((@case.Id, "fel.jpg", "image/jpeg", 123_456L, Karin, at), (file.CaseId, file.FileName, file.ContentType, file.Length, file.AddedById, file.AddedAt));
        Assert.Equal(version + 1, @case.Version);
    }

    [Fact]
    public void AttachFile_WithoutAComment_HasNoText()
    {
        var @case = Register();

        @case.AttachFile(Karin, "faktura.pdf", "application/pdf", 10, new string('b', 64), "key", "  ", Registered);

        Assert.Null(@case.Timeline[^1].Text);
    }

    [Fact]
    public void AttachFile_Empty_IsRefusedAtTheFile_AndWritesNothing()
    {
        var @case = Register();
        var entries = @case.Timeline.Count;

        var refused = Assert.Throws<DomainRuleException>(() => @case.AttachFile(Karin, "tom.txt", "text/plain", 0, new string('c', 64), "key", null, Registered));

        Assert.Equal("File", refused.Field);
        Assert.Equal(entries, @case.Timeline.Count);
    }

    private static Case Register() => Case.Register(new CaseRegistration(
        "M-2026-000001", Guid.NewGuid(), Guid.NewGuid(), "The modem restarts", "Every night at three.",
        CasePriority.Normal, Door.Shop, Karin, Guid.NewGuid(), new string('t', 43)), Registered);
}
