using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Moment.Application.Customers;
using Moment.Application.Data;
using Moment.Application.Email;
using Moment.Domain.Cases;
using Moment.Domain.Conversations;
using Moment.Domain.Customers;
using Moment.TestSupport;

namespace Moment.Application.Tests.Email;

/// <summary>
/// The acknowledgement of a new case opened by email, on a real database of each provider: written once in the case's
/// thread, sent through the outbox threaded and marked automatic, in the language the customer wrote in; never for a
/// reply on the case, noise, a duplicate, a sender over the limit, or at a mailbox that does not acknowledge.
/// </summary>
public abstract class AcknowledgeNewCaseTests(OutboxHost host) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        host.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Receive_ANewCaseInSwedish_IsAcknowledgedOnceInItsThreadAndSentThreaded()
    {
        var mail = Mail("sv.kund@example.se", "Fakturan är fel", "Hej! Fakturan för november är för hög.");

        var received = await host.ReceiveAsync(mail);
        await host.RoundAsync(new Uri("https://moment.test"));

        Assert.Equal(EmailOutcome.NewCase, received.Outcome);
        var acknowledgement = Assert.Single(await OutboundAsync(received.ConversationId!.Value));
        Assert.Null(acknowledgement.AuthorId);
        Assert.Contains($"ärende {received.CaseNumber}", acknowledgement.Text, StringComparison.Ordinal);
        Assert.Contains("Vi tittar på det och svarar dig inom en arbetsdag", acknowledgement.Text, StringComparison.Ordinal);
        Assert.Contains("din sida", acknowledgement.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("inte svara", acknowledgement.Text, StringComparison.OrdinalIgnoreCase);
        var sent = Assert.Single(host.Transport.SentTo("sv.kund@example.se"));
        Assert.Equal($"Re: Fakturan är fel [{received.CaseNumber}]", sent.Subject);
        Assert.Equal((mail.MessageId, "auto-replied", OutboxHost.AcknowledgingMailbox), (sent.InReplyTo, sent.Headers[HeaderId.AutoSubmitted], sent.From.Mailboxes.Single().Address));
        Assert.Contains("https://moment.test/c/", sent.TextBody, StringComparison.Ordinal);
        Assert.Equal(DeliveryState.Sent, Assert.Single(await OutboundAsync(received.ConversationId.Value)).Delivery);
    }

    [Fact]
    public async Task Receive_ANewCaseInEnglish_IsAcknowledgedInEnglish()
    {
        var received = await host.ReceiveAsync(Mail("en.customer@example.com", "Invoice is wrong", "Hello, my invoice for November is too high. Can you please check it?"));

        var acknowledgement = Assert.Single(await OutboundAsync(received.ConversationId!.Value));
        Assert.Contains($"it is now case {received.CaseNumber}", acknowledgement.Text, StringComparison.Ordinal);
        Assert.Contains("We will look into it and answer you within a working day", acknowledgement.Text, StringComparison.Ordinal);
        Assert.Contains("your page", acknowledgement.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CustomerLanguage.English, "Fakturan är fel", "Hej! Fakturan för november är för hög.", "it is now case")]
    [InlineData(CustomerLanguage.Swedish, "Invoice is wrong", "Hello, my invoice for November is too high. Can you please check it?", "det är nu ärende")]
    public async Task Receive_ANewCaseFromACustomerWithALanguageOnRecord_IsAcknowledgedInTheirLanguage_NotTheMessages(
        CustomerLanguage recorded, string subject, string text, string expected)
    {
        var address = $"{Guid.NewGuid():N}@example.se";
        await using (var scope = host.Scope())
        {
            var id = (await scope.ServiceProvider.GetRequiredService<RegisterCustomer>().HandleAsync(new RegisterCustomerRequest("Kund Med Språk", [], [address], null), Ct)).Id;
            await scope.ServiceProvider.GetRequiredService<EditCustomer>().HandleAsync(
                id, new EditCustomerRequest("Kund Med Språk", [], [address], null, recorded), await scope.ActorAsync("sara.holm@moment.test"), Ct);
        }

        var received = await host.ReceiveAsync(Mail(address, subject, text));

        Assert.Equal(EmailOutcome.NewCase, received.Outcome);
        Assert.Contains($"{expected} {received.CaseNumber}", Assert.Single(await OutboundAsync(received.ConversationId!.Value)).Text, StringComparison.Ordinal);
        await using var check = host.Scope();
        Assert.Equal(recorded, await check.ServiceProvider.GetRequiredService<AppDbContext>().Customers
            .Where(c => c.EmailAddresses.Any(e => e.Address == address)).Select(c => c.Language).SingleAsync(Ct));
    }

    [Fact]
    public async Task Receive_AReplyADuplicateOrNoise_IsNeverAcknowledged()
    {
        var first = Mail("svar.kund@example.se", "Routern", "Routern blinkar rött.");
        var opened = await host.ReceiveAsync(first);
        var reply = Mail("svar.kund@example.se", "Re: Routern", "Nu blinkar den grönt.");
        reply.InReplyTo = first.MessageId;
        var byNumber = Mail("svar.kund@example.se", $"Ang. routern [{opened.CaseNumber}]", "Och nu är den släckt.");
        var autoReply = Mail("svar.kund@example.se", "Frånvarande", "Jag är ledig till måndag.");
        autoReply.Headers.Add(HeaderId.AutoSubmitted, "auto-replied");

        var outcomes = new[] { await host.ReceiveAsync(reply), await host.ReceiveAsync(byNumber), await host.ReceiveAsync(first), await host.ReceiveAsync(autoReply) }
            .Select(r => r.Outcome);

        Assert.Equal([EmailOutcome.JoinedCase, EmailOutcome.JoinedCase, EmailOutcome.Duplicate, EmailOutcome.Noise], outcomes);
        Assert.Single(await OutboundAsync(opened.ConversationId!.Value));
        Assert.Equal(1, await OutboundToAsync("svar.kund@example.se"));
    }

    [Fact]
    public async Task Receive_FromASenderOverTheLimit_IsNotAcknowledged()
    {
        for (var i = 0; i < OutboxHost.MaxPerMinute; i++)
            Assert.Equal(EmailOutcome.NewCase, (await host.ReceiveAsync(Mail("flood@example.se", $"Ärende {i}", "Igen."))).Outcome);

        var throttled = await host.ReceiveAsync(Mail("flood@example.se", "Ärende till", "Igen."));

        Assert.Equal(EmailOutcome.Throttled, throttled.Outcome);
        Assert.Equal(OutboxHost.MaxPerMinute, await OutboundToAsync("flood@example.se"));
        host.Time.Advance(TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Receive_AtAMailboxThatDoesNotAcknowledge_WritesNothingOutbound()
    {
        var mail = Mail("tyst.kund@example.se", "Fråga", "Hej, en fråga.");
        mail.To.Clear();
        mail.To.Add(MailboxAddress.Parse(OutboxHost.QuietMailbox));

        var received = await host.ReceiveAsync(mail);

        Assert.Equal(EmailOutcome.NewCase, received.Outcome);
        Assert.Empty(await OutboundAsync(received.ConversationId!.Value));
    }

    [Theory]
    [InlineData("Fråga om fakturan", CustomerLanguage.Swedish)]
    [InlineData("Hej, min faktura stämmer inte", CustomerLanguage.Swedish)]
    [InlineData("Hej jag har en fraga om min rakning", CustomerLanguage.Swedish)]
    [InlineData("Hello, my invoice is wrong. Can you please check it?", CustomerLanguage.English)]
    [InlineData("Dear support, why was I charged twice this month?", CustomerLanguage.English)]
    [InlineData("", CustomerLanguage.Swedish)]
    [InlineData("12345 ???", CustomerLanguage.Swedish)]
    public void LanguageOf_WhatTheCustomerWrote_IsSwedishUnlessItReadsAsEnglish(string text, CustomerLanguage expected) =>
        Assert.Equal(expected, AcknowledgeNewCase.LanguageOf(text));

    [Theory]
    [InlineData("Hej, min faktura stämmer inte", CustomerLanguage.Swedish)]
    [InlineData("Dear support, why was I charged twice this month?", CustomerLanguage.English)]
    [InlineData("", null)]
    [InlineData("12345 ???", null)]
    [InlineData("Faktura 2026-11 Telia", null)]
    public void WrittenIn_ATextWithNothingToGoBy_IsNotKnown(string text, CustomerLanguage? expected) =>
        Assert.Equal(expected, AcknowledgeNewCase.WrittenIn(text));

    [Theory]
    [InlineData(24 * 60, "inom en arbetsdag", "within a working day")]
    [InlineData(3 * 24 * 60, "inom 3 arbetsdagar", "within 3 working days")]
    [InlineData(4 * 60, "inom 4 timmar", "within 4 hours")]
    [InlineData(60, "inom en timme", "within an hour")]
    [InlineData(30, "inom 30 minuter", "within 30 minutes")]
    public void Within_ATime_IsSaidInWords(int minutes, string swedish, string english)
    {
        Assert.Equal(swedish, AcknowledgeNewCase.Within(CustomerLanguage.Swedish, TimeSpan.FromMinutes(minutes)));
        Assert.Equal(english, AcknowledgeNewCase.Within(CustomerLanguage.English, TimeSpan.FromMinutes(minutes)));
    }

    private static MimeMessage Mail(string address, string subject, string text)
    {
        var message = new MimeMessage { Subject = subject, MessageId = $"{Guid.NewGuid():N}@example.se", Body = new TextPart("plain") { Text = text } };
        message.From.Add(MailboxAddress.Parse(address));
        message.To.Add(MailboxAddress.Parse(OutboxHost.AcknowledgingMailbox));
        return message;
    }

    private async Task<List<ConversationMessage>> OutboundAsync(Guid conversationId)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().ConversationMessages
            .Where(m => m.ConversationId == conversationId && m.Direction == ContactDirection.Outbound).ToListAsync(Ct);
    }

    private async Task<int> OutboundToAsync(string address)
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.ConversationMessages.CountAsync(
            m => m.Direction == ContactDirection.Outbound && db.Conversations.Any(
                c => c.Id == m.ConversationId && db.Customers.Any(k => k.Id == c.CustomerId && k.EmailAddresses.Any(e => e.Address == address))), Ct);
    }
}

public sealed class AcknowledgeNewCaseTestsOnSqlite(SqliteOutboxHost host) : AcknowledgeNewCaseTests(host), IClassFixture<SqliteOutboxHost>;

public sealed class AcknowledgeNewCaseTestsOnPostgres(PostgresOutboxHost host) : AcknowledgeNewCaseTests(host), IClassFixture<PostgresOutboxHost>;
