using System.Net;
using System.Net.Http.Json;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Moment.Application.Cases;
using Moment.Application.Data;
using Moment.Application.Email;
using Moment.Application.Feed;
using Moment.Domain.Cases;
using Moment.Domain.Conversations;
using Moment.TestSupport;

namespace Moment.Web.Tests.Email;

/// <summary>
/// The email door on the case: the owner's public reply goes out by email and the timeline shows its delivery; the
/// customer's next message is a contact the owner is told of; files open from the case page as downloads for staff only;
/// quoted history is folded away but kept; a message over the limit gets a polite answer and opens nothing.
/// </summary>
public abstract class EmailOnTheCaseTests(SmtpApp app) : IAsyncLifetime
{
    private const string Mailbox = "kundservice@moment.test";
    private const string Johan = "johan.ek@moment.test";
    private const string Sara = "sara.holm@moment.test";
    private const string Leadership = "per.dahl@moment.test";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        app.RequireProvider();
        await app.Services.GetRequiredService<Moment.Web.Features.Email.SmtpListenerState>().Listening.WaitAsync(TimeSpan.FromSeconds(30), Ct);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task PublicReply_OnACaseOpenedByEmail_GoesOutByEmailAndTheTimelineShowsItsDelivery()
    {
        var first = Mail("Tove Lind", "tove.lind@example.se", "Abonnemanget", "Kan jag byta abonnemang?");
        await SendAsync(first);
        var number = await CaseOfAsync(first);
        using var johan = await app.ClientForAsync(Johan);

        using var replied = await johan.PostAsJsonAsync($"/api/cases/{number}/notes", new { text = "Ja, det går bra från och med nästa månad.", isPublic = true }, Ct);
        replied.EnsureSuccessStatusCode();
        Assert.Equal(DeliveryState.Queued, (await ReplyEntryAsync(number)).Delivery);
        await SendOutboxAsync();
        var sent = await app.Outbox.NextToAsync("tove.lind@example.se", Ct);

        Assert.Contains("Ja, det går bra från och med nästa månad.", sent.TextBody, StringComparison.Ordinal);
        Assert.Equal(first.MessageId, sent.InReplyTo);
        var entry = await ReplyEntryAsync(number);
        Assert.Equal((Door.Email, ContactDirection.Outbound, DeliveryState.Sent), (entry.Door, entry.Direction, entry.Delivery));
        using var page = await app.SignedInClientAsync(Johan);
        var html = await page.GetStringAsync($"/cases/{number}", Ct);
        // In Swedish, the pages' language without a choice.
        Assert.Contains("class=\"delivery\"> · Skickat", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InternalNote_OnACaseOpenedByEmail_StaysInside()
    {
        var first = Mail("Ulf Ros", "ulf.ros@example.se", "Fråga", "Hur gör jag?");
        await SendAsync(first);
        var number = await CaseOfAsync(first);
        using var johan = await app.ClientForAsync(Johan);

        using var noted = await johan.PostAsJsonAsync($"/api/cases/{number}/notes", new { text = "Kolla med fakturan.", isPublic = false }, Ct);
        noted.EnsureSuccessStatusCode();

        await using var scope = app.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().ConversationMessages
            .AnyAsync(m => m.Direction == ContactDirection.Outbound && m.Text == "Kolla med fakturan.", Ct));
    }

    [Fact]
    public async Task CustomersMessage_OnTheirOpenCase_IsAContactTheOwnerIsToldOf()
    {
        var first = Mail("Vera Ahl", "vera.ahl@example.se", "Leveransen", "Paketet har inte kommit.");
        await SendAsync(first);
        var number = await CaseOfAsync(first);
        var reply = Mail("Vera Ahl", "vera.ahl@example.se", "Re: Leveransen", "Det kom nu, men det är trasigt.");
        reply.InReplyTo = first.MessageId;

        await SendAsync(reply);

        var events = await FeedReading.AllAsync(app.Services, Ct);
        var contact = events.Last(e => e.CaseNumber == number && e.Kind == CaseEventKind.Contact);
        Assert.Null(contact.ActorId);
        await using var scope = app.Services.CreateAsyncScope();
        var news = await scope.ServiceProvider.GetRequiredService<WhoIsTold>().ForAsync([contact], Ct);
        Assert.Equal([contact.CaseOwnerId], Assert.Single(news).People);
        var @case = await scope.ServiceProvider.GetRequiredService<GetCase>().HandleAsync(number, Ct);
        var entry = @case.Timeline.Last(e => e.Kind == CaseEventKind.Contact);
        Assert.Equal(("Det kom nu, men det är trasigt.", Door.Email, ContactDirection.Inbound, (string?)null), (entry.Text, entry.Door, entry.Direction, entry.Actor));
    }

    [Fact]
    public async Task Attachment_FromTheCasePage_DownloadsAsAnAttachmentWithNosniff_ForStaffOnly()
    {
        var pdf = "%PDF-1.4 kvitto för mars"u8.ToArray();
        var builder = new BodyBuilder { TextBody = "Kvittot bifogas.\n\nDen mån 23 nov. 2026 kl 09:00 skrev Moment <kundservice@moment.test>:\n> Skicka kvittot." };
        builder.Attachments.Add("kvitto mars.pdf", pdf, new ContentType("application", "pdf"));
        builder.Attachments.Add("sida.html", "<script>alert(1)</script>"u8.ToArray(), new ContentType("text", "html"));
        var mail = Mail("Åke Öst", "ake.ost@example.se", "Kvitto", "");
        mail.Body = builder.ToMessageBody();
        await SendAsync(mail);
        var number = await CaseOfAsync(mail);
        long pdfId, htmlId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var files = await scope.ServiceProvider.GetRequiredService<AppDbContext>().ConversationMessages
                .Where(m => m.ExternalId == $"<{mail.MessageId}>").SelectMany(m => m.Attachments).ToListAsync(Ct);
            (pdfId, htmlId) = (files.Single(f => f.FileName == "kvitto mars.pdf").Id, files.Single(f => f.FileName == "sida.html").Id);
        }

        using var sara = await app.SignedInClientAsync(Sara);
        var html = await sara.GetStringAsync($"/cases/{number}", Ct);
        using var download = await sara.GetAsync($"/api/attachments/{pdfId}", Ct);
        using var page = await sara.GetAsync($"/api/attachments/{htmlId}", Ct);
        using var leadership = await app.ClientForAsync(Leadership);
        using var refused = await leadership.GetAsync($"/api/attachments/{pdfId}", Ct);
        using var missing = await sara.GetAsync("/api/attachments/999999999", Ct);

        Assert.Contains($"href=\"api/attachments/{pdfId}\"", html, StringComparison.Ordinal);
        Assert.Contains("Visa citerad text", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("kvitto mars.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Assert.Single(download.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(("attachment", "application/octet-stream"), (page.Content.Headers.ContentDisposition?.DispositionType, page.Content.Headers.ContentType?.MediaType));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task FormattedBody_IsShownSanitisedInASandbox_AndOnlyForHtml()
    {
        var builder = new BodyBuilder
        {
            TextBody = "Fakturan är fel.",
            HtmlBody = "<p>Fakturan är <b>fel</b>.</p><script>alert(1)</script><img src=\"https://tracker.example/pixel.gif\" onerror=\"alert(2)\">",
        };
        builder.Attachments.Add("kvitto.pdf", "%PDF-1.4"u8.ToArray(), new ContentType("application", "pdf"));
        var mail = Mail("Åke Öst", "ake.ost@example.se", "Formaterat", "");
        mail.Body = builder.ToMessageBody();
        await SendAsync(mail);
        var number = await CaseOfAsync(mail);
        long bodyId, pdfId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var files = await scope.ServiceProvider.GetRequiredService<AppDbContext>().ConversationMessages
                .Where(m => m.ExternalId == $"<{mail.MessageId}>").SelectMany(m => m.Attachments).ToListAsync(Ct);
            (bodyId, pdfId) = (files.Single(f => f.ContentType == "text/html").Id, files.Single(f => f.FileName == "kvitto.pdf").Id);
        }

        using var sara = await app.SignedInClientAsync(Sara);
        var page = await sara.GetStringAsync($"/cases/{number}", Ct);
        using var formatted = await sara.GetAsync($"/api/attachments/{bodyId}/formatted", Ct);
        var html = await formatted.Content.ReadAsStringAsync(Ct);
        using var notHtml = await sara.GetAsync($"/api/attachments/{pdfId}/formatted", Ct);
        using var leadership = await app.ClientForAsync(Leadership);
        using var refused = await leadership.GetAsync($"/api/attachments/{bodyId}/formatted", Ct);

        Assert.Contains($"<iframe sandbox src=\"api/attachments/{bodyId}/formatted\"", page, StringComparison.Ordinal);
        Assert.Contains("Visa som avsändaren formaterade det", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, formatted.StatusCode);
        Assert.Equal("text/html", formatted.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<b>fel</b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
        var policy = Assert.Single(formatted.Headers.GetValues("Content-Security-Policy"));
        Assert.StartsWith("sandbox;", policy, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, notHtml.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Smtp_AMessageOverTheLimit_GetsAPoliteAnswerOnceAndOpensNothing()
    {
        var builder = new BodyBuilder { TextBody = "Här är filmen." };
        builder.Attachments.Add("film.mp4", new byte[SmtpApp.MaxMessageBytes + 1], new ContentType("video", "mp4"));
        var mail = Mail("Yngve Alm", "yngve.alm@example.se", "Filmen", "");
        mail.Body = builder.ToMessageBody();
        int cases;
        await using (var scope = app.Services.CreateAsyncScope())
            cases = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Cases.CountAsync(Ct);

        await SendAsync(mail);
        var answer = await app.Outbox.NextToAsync("yngve.alm@example.se", Ct);
        await SendAsync(mail);

        Assert.Equal(("Re: Filmen", mail.MessageId, "auto-replied"), (answer.Subject, answer.InReplyTo, answer.Headers[HeaderId.AutoSubmitted]));
        Assert.Contains("OneDrive", answer.TextBody, StringComparison.Ordinal);
        Assert.Contains("för stort", answer.TextBody, StringComparison.Ordinal);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(cases, await db.Cases.CountAsync(Ct));
            Assert.Equal(1, await db.EmailReceipts.CountAsync(r => r.MessageId == $"<{mail.MessageId}>", Ct));
        }
    }

    [Fact]
    public async Task Smtp_AnAutoReplyOverTheLimit_IsRefusedAndNeverAnswered()
    {
        var builder = new BodyBuilder { TextBody = "Jag är ledig." };
        builder.Attachments.Add("bild.jpg", new byte[SmtpApp.MaxMessageBytes + 1], new ContentType("image", "jpeg"));
        var mail = Mail("Frånvaro", "franvaro@example.se", "Frånvarande", "");
        mail.Body = builder.ToMessageBody();
        mail.Headers.Add(HeaderId.AutoSubmitted, "auto-replied");

        var refusal = await Assert.ThrowsAsync<SmtpCommandException>(() => SendAsync(mail));

        Assert.Equal(SmtpStatusCode.ExceededStorageAllocation, refusal.StatusCode);
    }

    private async Task<TimelineEntry> ReplyEntryAsync(string number)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var @case = await scope.ServiceProvider.GetRequiredService<GetCase>().HandleAsync(number, Ct);
        return @case.Timeline.Last(e => e.Kind == CaseEventKind.PublicReply);
    }

    private async Task SendOutboxAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SendQueuedEmail>().HandleAsync(new Uri("http://localhost:5080"), Ct);
    }

    private async Task<string> CaseOfAsync(MimeMessage message)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.ConversationMessages.Where(m => m.ExternalId == $"<{message.MessageId}>")
            .Join(db.Conversations, m => m.ConversationId, c => c.Id, (m, c) => c.CaseId)
            .Join(db.Cases, id => id, k => k.Id, (id, k) => k.Number).SingleAsync(Ct);
    }

    private async Task SendAsync(MimeMessage message)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", app.SmtpPort, MailKit.Security.SecureSocketOptions.None, Ct);
        await client.SendAsync(message, Ct);
        await client.DisconnectAsync(true, Ct);
    }

    private static MimeMessage Mail(string name, string address, string subject, string text)
    {
        var message = new MimeMessage { Subject = subject, MessageId = $"{Guid.NewGuid():N}@example.se", Body = new TextPart("plain") { Text = text } };
        message.From.Add(new MailboxAddress(name, address));
        message.To.Add(MailboxAddress.Parse(Mailbox));
        return message;
    }
}

public sealed class EmailOnTheCaseTestsOnSqlite(SqliteSmtpApp app) : EmailOnTheCaseTests(app), IClassFixture<SqliteSmtpApp>;

public sealed class EmailOnTheCaseTestsOnPostgres(PostgresSmtpApp app) : EmailOnTheCaseTests(app), IClassFixture<PostgresSmtpApp>;
