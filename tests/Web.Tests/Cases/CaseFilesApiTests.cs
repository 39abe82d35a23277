using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Moment.TestSupport;

namespace Moment.Web.Tests.Cases;

/// <summary>
/// <c>POST /api/cases/{number}/files</c> and the download on every provider: a photo put on a case is on its timeline
/// and comes back as the same bytes, as a download that no browser runs; anything else is refused at the field, and
/// nothing is written.
/// </summary>
public abstract class CaseFilesApiTests(MomentApp app) : IAsyncLifetime
{
    private const string Sara = "sara.holm@moment.test";

    // The smallest PNG there is: one transparent pixel.
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        app.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Post_APhoto_IsOnTheTimeline_AndDownloadsAsTheSameBytes_NeverRunByTheBrowser()
    {
        using var sara = await app.ClientForAsync(Sara);
        var number = await sara.NewCaseAsync("Router lights blink red");

        using var response = await sara.PostAsync($"/api/cases/{number}/files", Form(Png, "router.png", "image/png", comment: "The lights at 08:00"), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var file = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(("router.png", "image/png", Png.Length), (file.GetProperty("fileName").GetString(), file.GetProperty("contentType").GetString(), file.GetProperty("length").GetInt32()));
        var id = file.GetProperty("id").GetGuid();
        Assert.Equal($"/api/cases/{number}/files/{id}", response.Headers.Location?.OriginalString);

        var @case = await sara.GetFromJsonAsync<JsonElement>($"/api/cases/{number}", Ct);
        var entry = @case.GetProperty("timeline").EnumerateArray().Last();
        Assert.Equal(("fileAttached", "The lights at 08:00", false), (entry.GetProperty("kind").GetString(), entry.GetProperty("text").GetString(), entry.GetProperty("isPublic").GetBoolean()));
        Assert.Equal(id, entry.GetProperty("file").GetProperty("id").GetGuid());

        using var download = await sara.GetAsync($"/api/cases/{number}/files/{id}", Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Png, await download.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("router.png", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("sandbox", download.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_APageNamedAsAPhoto_AnEmptyFile_OrNoFile_Returns400AtTheFile_AndWritesNothing()
    {
        using var sara = await app.ClientForAsync(Sara);
        var number = await sara.NewCaseAsync("Strange attachment");
        var before = (await sara.GetFromJsonAsync<JsonElement>($"/api/cases/{number}", Ct)).GetProperty("timeline").GetArrayLength();

        foreach (var content in new HttpContent[]
        {
            // The browser's claim (image/jpeg) and the name are the attacker's; the content is a page.
            Form(Encoding.UTF8.GetBytes("<!doctype html><script>alert(document.cookie)</script>"), "photo.jpg", "image/jpeg"),
            Form([], "empty.pdf", "application/pdf"),
            new MultipartFormDataContent { { new StringContent("no file here"), "comment" } },
            JsonContent.Create(new { file = "not a form" }),
        })
        {
            using var response = await sara.PostAsync($"/api/cases/{number}/files", content, Ct);
            Assert.True(HttpStatusCode.BadRequest == response.StatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.True(problem.GetProperty("errors").TryGetProperty("File", out _), problem.ToString());
        }

        var after = (await sara.GetFromJsonAsync<JsonElement>($"/api/cases/{number}", Ct)).GetProperty("timeline").GetArrayLength();
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Post_AFileOverTheLimit_Returns400_AndWritesNothing()
    {
        using var sara = await app.ClientForAsync(Sara);
        var number = await sara.NewCaseAsync("Scanned contract too large");
        var large = new byte[20 * 1024 * 1024 + 1];
        "%PDF-1.7\n"u8.CopyTo(large);

        using var response = await sara.PostAsync($"/api/cases/{number}/files", Form(large, "contract.pdf", "application/pdf"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("The file is larger than 20 MB.", problem.GetProperty("errors").GetProperty("File")[0].GetString());
        var @case = await sara.GetFromJsonAsync<JsonElement>($"/api/cases/{number}", Ct);
        Assert.DoesNotContain("fileAttached", @case.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task Get_AFileThroughAnotherCase_IsNotFound()
    {
        using var sara = await app.ClientForAsync(Sara);
        var first = await sara.NewCaseAsync("First case with a file");
        var second = await sara.NewCaseAsync("Second case");
        using var posted = await sara.PostAsync($"/api/cases/{first}/files", Form(Png, "a.png", "image/png"), Ct);
        var id = (await posted.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();

        using var response = await sara.GetAsync($"/api/cases/{second}/files/{id}", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static MultipartFormDataContent Form(byte[] bytes, string name, string type, string? comment = null)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        var form = new MultipartFormDataContent { { file, "file", name } };
        if (comment is not null)
            form.Add(new StringContent(comment), "comment");
        return form;
    }
}

public sealed class CaseFilesApiTestsOnSqlite(SqliteApp app) : CaseFilesApiTests(app), IClassFixture<SqliteApp>;

public sealed class CaseFilesApiTestsOnPostgres(PostgresApp app) : CaseFilesApiTests(app), IClassFixture<PostgresApp>;
