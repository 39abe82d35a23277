using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Moment.Application.Cases;
using Moment.Application.Data;
using Moment.Application.Email;
using Moment.Application.Feed;
using Moment.Application.Staff;
using Moment.Application.Views;
using Moment.Domain;
using Moment.Domain.Cases;
using Moment.Domain.Conversations;
using Moment.Domain.Customers;
using Moment.TestSupport;

namespace Moment.Application.Tests.Email;

/// <summary>
/// The email door's inbound pipeline on a real database of each provider: every message finds its one case (by the
/// messages it answers, the case number in its subject, or a new case), is stored once, with its files, and noise never
/// opens anything.
/// </summary>
public abstract class ReceiveEmailTests(EmailHost host) : IAsyncLifetime
{
    private const string Mailbox = "kundservice@moment.test";
    private const string Johan = "johan.ek@moment.test";
    private const string Sara = "sara.holm@moment.test";
    private const string Erik = "erik.sjo@moment.test";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        host.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Receive_FromANewSender_OpensACaseForANewCustomerOwnedByTheMailboxTeamLeadUntilTaken()
    {
        var mail = Mail("Greta Lund", "greta.lund@example.se", "Fakturan är fel", "Hej! Fakturan för november är för hög.");

        var received = await ReceiveAsync(mail);

        Assert.Equal(EmailOutcome.NewCase, received.Outcome);
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var @case = await db.Cases.SingleAsync(c => c.Number == received.CaseNumber, Ct);
        Assert.Equal((Door.Email, "Fakturan är fel"), (@case.FirstDoor, @case.Subject));
        Assert.Equal(await IdOfAsync(db, Johan), @case.OwnerId);
        var customer = await db.Customers.Include(c => c.EmailAddresses).SingleAsync(c => c.Id == @case.CustomerId, Ct);
        Assert.Equal(("Greta Lund", "greta.lund@example.se"), (customer.Name, Assert.Single(customer.EmailAddresses).Address));
        var conversation = await db.Conversations.SingleAsync(c => c.Id == received.ConversationId, Ct);
        Assert.Equal((Door.Email, $"<{mail.MessageId}>", @case.Id), (conversation.Door, conversation.ExternalId, conversation.CaseId));
        Assert.Contains(Mailbox, conversation.DoorData, StringComparison.Ordinal);
        var message = await db.ConversationMessages.SingleAsync(m => m.Id == received.MessageId, Ct);
        Assert.Equal((ContactDirection.Inbound, DeliveryState.Received, "Hej! Fakturan för november är för hög.", $"<{mail.MessageId}>"),
            (message.Direction, message.Delivery, message.Text, message.ExternalId));
    }

    [Fact]
    public async Task Receive_ANewCase_IsOfferedToTheMailboxTeam_WhoseMembersAreToldAndSeeIt_AndOneOfThemTakesIt()
    {
        var received = await ReceiveAsync(Mail("Tove Lind", "tove.lind@example.se", "Fel på fakturan", "Hej! Jag har fått två fakturor."));

        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var phone = await db.Teams.Where(t => t.Name == "Phone").Select(t => t.Id).SingleAsync(Ct);
        var (johan, sara, erik) = (await scope.ActorAsync(Johan), await scope.ActorAsync(Sara), await scope.ActorAsync(Erik));
        var @case = await db.Cases.Include(c => c.HandOffs).AsNoTracking().SingleAsync(c => c.Number == received.CaseNumber, Ct);
        var offer = Assert.Single(@case.HandOffs);
        Assert.Equal((HandOffState.Pending, johan.Id, (Guid?)null, (Guid?)phone, "Fel på fakturan"), (offer.State, offer.OfferedById, offer.ToUserId, offer.ToTeamId, offer.Summary));
        Assert.Equal((johan.Id, (Guid?)phone), (@case.OwnerId, @case.TeamId));

        var views = scope.ServiceProvider.GetRequiredService<CaseViews>();
        Assert.Contains(received.CaseNumber, await (await views.CasesAsync(CaseView.TeamOffers, ViewFilter.None, erik, Ct)).Select(c => c.Number).ToListAsync(Ct));
        var waiting = Assert.Single(await scope.ServiceProvider.GetRequiredService<ListOffers>().HandleAsync(sara.Id, Ct), o => o.Number == received.CaseNumber);
        Assert.True(waiting.ToMyTeam);
        var offered = (await FeedReading.AllAsync(scope.ServiceProvider, Ct)).Single(e => e.CaseNumber == received.CaseNumber && e.Kind == CaseEventKind.HandOffOffered);
        var told = Assert.Single(await scope.ServiceProvider.GetRequiredService<WhoIsTold>().ForAsync([offered], Ct)).People;
        var members = await db.Users.Where(u => u.TeamId == phone && u.IsActive && u.Id != johan.Id).Select(u => u.Id).ToListAsync(Ct);
        Assert.Equal(members.Order(), told.Order());
        Assert.Contains(sara.Id, told);

        await scope.ServiceProvider.GetRequiredService<AnswerHandOff>().AcceptAsync(offer.Id, sara, Ct);

        await using var check = host.Scope();
        var taken = await check.ServiceProvider.GetRequiredService<AppDbContext>().Cases.SingleAsync(c => c.Number == received.CaseNumber, Ct);
        Assert.Equal((sara.Id, (Guid?)phone), (taken.OwnerId, taken.TeamId));
        Assert.DoesNotContain(received.CaseNumber, await (await check.ServiceProvider.GetRequiredService<CaseViews>()
            .CasesAsync(CaseView.TeamOffers, ViewFilter.None, erik, Ct)).Select(c => c.Number).ToListAsync(Ct));
        await Assert.ThrowsAsync<ConflictException>(() => check.ServiceProvider.GetRequiredService<AnswerHandOff>().AcceptAsync(offer.Id, erik, Ct));
    }

    [Theory]
    [InlineData("Fakturan är fel", "Hej! Fakturan för november är för hög.", CustomerLanguage.Swedish)]
    [InlineData("Invoice", "Hello, my invoice for November is too high. Can you please check it?", CustomerLanguage.English)]
    [InlineData("Faktura 2026-11", "12345", null)]
    public async Task Receive_FromANewSender_RecordsTheLanguageTheMessageWasWrittenIn_OrNoneWithNothingToGoBy(string subject, string text, CustomerLanguage? expected)
    {
        var address = $"{Guid.NewGuid():N}@example.se";

        var received = await ReceiveAsync(Mail("Ny Kund", address, subject, text));

        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var customer = await db.Customers.SingleAsync(c => db.Cases.Any(k => k.Number == received.CaseNumber && k.CustomerId == c.Id), Ct);
        Assert.Equal(expected, customer.Language);
        Assert.Empty(await db.CustomerChanges.Where(c => c.CustomerId == customer.Id).ToListAsync(Ct));
    }

    [Fact]
    public async Task Receive_FromAKnownCustomer_LeavesTheirLanguageAsItIs()
    {
        var address = $"{Guid.NewGuid():N}@example.se";
        await ReceiveAsync(Mail("Känd Kund", address, "Fråga", "Hej! Jag har en fråga om fakturan."));

        var received = await ReceiveAsync(Mail("Känd Kund", address, "Another question", "Hello, why was my invoice so high this month?"));

        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(EmailOutcome.NewCase, received.Outcome);
        Assert.Equal(CustomerLanguage.Swedish, await db.Customers.Where(c => db.Cases.Any(k => k.Number == received.CaseNumber && k.CustomerId == c.Id)).Select(c => c.Language).SingleAsync(Ct));
    }

    [Fact]
    public async Task Receive_AReplyByInReplyToOrReferences_JoinsTheSameCaseAndConversation()
    {
        var first = Mail("Hugo Berg", "hugo.berg@example.se", "Routern blinkar", "Den blinkar rött.");
        var opened = await ReceiveAsync(first);
        var reply = Mail("Hugo Berg", "hugo.berg@example.se", "Re: Routern blinkar", "Nu blinkar den grönt.");
        reply.InReplyTo = first.MessageId;
        reply.References.Add(first.MessageId!);
        var later = Mail("Hugo Berg", "hugo.berg@example.se", "Sv: Routern blinkar", "Och nu är den släckt.");
        later.References.Add(first.MessageId!);
        later.References.Add(reply.MessageId!);

        var joined = await ReceiveAsync(reply);
        var joinedAgain = await ReceiveAsync(later);

        Assert.Equal((EmailOutcome.JoinedCase, opened.CaseNumber, opened.ConversationId), (joined.Outcome, joined.CaseNumber, joined.ConversationId));
        Assert.Equal((EmailOutcome.JoinedCase, opened.CaseNumber, opened.ConversationId), (joinedAgain.Outcome, joinedAgain.CaseNumber, joinedAgain.ConversationId));
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(["Den blinkar rött.", "Nu blinkar den grönt.", "Och nu är den släckt."],
            await db.ConversationMessages.Where(m => m.ConversationId == opened.ConversationId && m.Direction == ContactDirection.Inbound)
                .OrderBy(m => m.Id).Select(m => m.Text).ToListAsync(Ct));
    }

    [Fact]
    public async Task Receive_AReplyToAMessageMomentNeverSaw_OrFromAnotherAddress_JoinsByTheOtherMessagesItNames()
    {
        var first = Mail("Hugo Lind", "hugo.lind@example.se", "Routern blinkar", "Den blinkar rött.");
        var opened = await ReceiveAsync(first);
        var second = Mail("Hugo Lind", "hugo.lind@example.se", "Re: Routern blinkar", "Nu blinkar den grönt.");
        second.InReplyTo = first.MessageId;
        await ReceiveAsync(second);
        // Hugo answers his colleague's message, which only the two of them saw; References names his second message
        // (not the thread's first: a long thread's References may have lost it).
        var toColleague = Mail("Hugo Lind", "hugo.lind@example.se", "Re: Routern blinkar", "Min kollega har också tittat.");
        toColleague.InReplyTo = "<kollegans-svar@example.se>";
        toColleague.References.Add(second.MessageId!);
        toColleague.References.Add("<kollegans-svar@example.se>");
        // The colleague, whom Moment does not know, answers Hugo's second message.
        var fromColleague = Mail("Kollega", "kollega.lind@example.se", "Re: Routern blinkar", "Jag såg samma sak.");
        fromColleague.InReplyTo = second.MessageId;

        var joined = await ReceiveAsync(toColleague);
        var joinedByColleague = await ReceiveAsync(fromColleague);

        Assert.Equal((EmailOutcome.JoinedCase, opened.CaseNumber, opened.ConversationId), (joined.Outcome, joined.CaseNumber, joined.ConversationId));
        Assert.Equal((EmailOutcome.JoinedCase, opened.CaseNumber, opened.ConversationId), (joinedByColleague.Outcome, joinedByColleague.CaseNumber, joinedByColleague.ConversationId));
    }

    /// <summary>
    /// The corpus in <c>Email/Corpus</c>: real-world-shaped messages (Gmail, Outlook and Apple Mail as they write, Swedish
    /// charsets, files, auto-replies, reports, broken MIME, 30 MB), each with what the door must make of it: the outcome,
    /// words the stored text holds (null: nothing stored) and how many files the message keeps (its safe HTML counts as one).
    /// </summary>
    public static TheoryData<string, EmailOutcome, string?, int> Corpus => new()
    {
        { "01-gmail-reply-en.eml", EmailOutcome.JoinedCase, "Thanks, restarting the router fixed it.", 1 },
        { "02-outlook-reply-sv.eml", EmailOutcome.JoinedCase, "Tack, nu stämmer beloppet.", 1 },
        { "03-apple-mail-new-sv.eml", EmailOutcome.NewCase, "Routern blinkar rött sedan i morse. Vad ska jag göra?", 0 },
        { "04-iso-8859-1-quoted-printable.eml", EmailOutcome.NewCase, "Fakturan för oktober är fel; jag bor på Åsgatan 3 sedan i somras.", 0 },
        { "05-windows-1252-base64.eml", EmailOutcome.NewCase, "Hälsningar från Eva – betalningen drogs två gånger ”igen”.", 0 },
        { "06-encoded-word-sender-utf8.eml", EmailOutcome.NewCase, "Mätaren visar fel värde sedan bytet.", 0 },
        { "07-html-only-with-script.eml", EmailOutcome.NewCase, "Internet har legat nere hela dagen.", 1 },
        { "08-pdf-attachment.eml", EmailOutcome.NewCase, "Här är kvittot på köpet.", 1 },
        { "09-inline-image.eml", EmailOutcome.NewCase, "Så här ser felet ut:", 2 },
        { "10-forwarded-as-attachment.eml", EmailOutcome.NewCase, "Se bifogat: ordern kom aldrig.", 1 },
        { "11-outlook-automatic-reply.eml", EmailOutcome.Noise, null, 0 },
        { "12-gmail-vacation-responder.eml", EmailOutcome.Noise, null, 0 },
        { "13-mailing-list.eml", EmailOutcome.Noise, null, 0 },
        { "14-bounce-of-a-message-moment-never-sent.eml", EmailOutcome.Noise, null, 0 },
        { "15-read-receipt.eml", EmailOutcome.Noise, null, 0 },
        { "16-malformed-unterminated-multipart.eml", EmailOutcome.NewCase, "Mitt meddelande slutar aldrig ordentligt.", 0 },
        { "17-malformed-unknown-charset.eml", EmailOutcome.NewCase, "Leveransen kom inte fram.", 0 },
        { "18-malformed-headers-no-message-id.eml", EmailOutcome.NewCase, "Mitt e-postprogram skickar inga Message-ID.", 0 },
        { "19-no-subject-no-body.eml", EmailOutcome.NewCase, "(no subject)", 0 },
        { "20-case-number-in-subject.eml", EmailOutcome.JoinedCase, "Jag har fortfarande inte fått någon ny faktura.", 0 },
        { "21-reply-by-references-only.eml", EmailOutcome.JoinedCase, "Flytten är klar nu.", 0 },
        { "22-thirty-megabytes.eml", EmailOutcome.TooLarge, null, 0 },
    };

    /// <summary>
    /// Each message of the corpus, with a run's own addresses and ids (<c>{{run}}</c>). A reply first gets the thread it
    /// answers: its sender's first message (<c>{{seed}}</c>, its case <c>{{case}}</c>). What is stored is stored once: the
    /// same bytes again are a duplicate. What is not stored opens nothing.
    /// </summary>
    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task Receive_TheCorpus_EachMessageAsItsShapeRequires(string file, EmailOutcome expected, string? text, int files)
    {
        var raw = (await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Email", "Corpus", file), Ct)).Replace("{{run}}", Guid.NewGuid().ToString("N"));
        // 30 MB of a film, made here rather than kept in the repository (and only for the message that has it).
        if (raw.Contains("{{30 MB}}", StringComparison.Ordinal))
            raw = raw.Replace("{{30 MB}}", Convert.ToBase64String(new byte[30 * 1024 * 1024], Base64FormattingOptions.InsertLineBreaks));
        EmailReceived? seed = null;
        var answers = raw.Contains("{{seed}}", StringComparison.Ordinal);
        if (answers || raw.Contains("{{case}}", StringComparison.Ordinal))
        {
            var sender = (await MimeMessage.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(raw.Replace("{{seed}}", "<x@x>").Replace("{{case}}", "M-0"))), Ct)).From.Mailboxes.Single();
            var first = Mail(sender.Name ?? sender.Address, sender.Address, "Första frågan", "Det här är min första fråga.");
            seed = await ReceiveAsync(first);
            raw = raw.Replace("{{seed}}", $"<{first.MessageId}>").Replace("{{case}}", seed.CaseNumber);
        }

        var counts = await CountsAsync();
        var content = Encoding.UTF8.GetBytes(raw);
        var received = await ReceiveBytesAsync(content);

        Assert.Equal(expected, received.Outcome);
        if (text is null)
        {
            Assert.Equal(counts, await CountsAsync());
            return;
        }

        // A reply continues its thread; a case number in the subject starts a conversation of its own on the case.
        if (seed is not null)
            Assert.Equal((seed.CaseNumber, answers ? seed.ConversationId : received.ConversationId), (received.CaseNumber, received.ConversationId));
        await using (var scope = host.Scope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().ConversationMessages.Include(m => m.Attachments)
                .SingleAsync(m => m.Id == received.MessageId, Ct);
            // The words as written, decoded; a quoted history is kept with them (and trimmed only where it is shown).
            Assert.Contains(text, stored.Text, StringComparison.Ordinal);
            Assert.Equal(files, stored.Attachments.Count);
        }

        Assert.Equal(EmailOutcome.Duplicate, (await ReceiveBytesAsync(content)).Outcome);
    }

    [Fact]
    public async Task Receive_TheCaseNumberInTheSubject_JoinsTheSendersOwnCaseOnly()
    {
        var opened = await ReceiveAsync(Mail("Ida Ek", "ida.ek@example.se", "Flytt", "Jag flyttar den 1 december."));

        var fromIda = await ReceiveAsync(Mail("Ida Ek", "IDA.EK@example.se", $"Ang. flytten [{opened.CaseNumber}]", "Ny adress: Storgatan 1."));
        var fromSomeoneElse = await ReceiveAsync(Mail("Mallory", "mallory@example.se", $"[{opened.CaseNumber}]", "Let me in."));

        Assert.Equal((EmailOutcome.JoinedCase, opened.CaseNumber), (fromIda.Outcome, fromIda.CaseNumber));
        Assert.Equal(EmailOutcome.NewCase, fromSomeoneElse.Outcome);
        Assert.NotEqual(opened.CaseNumber, fromSomeoneElse.CaseNumber);
    }

    [Fact]
    public async Task Receive_TheSameMessageIdTwice_IsStoredOnce()
    {
        var mail = Mail("Jonas Ny", "jonas.ny@example.se", "Dubbel", "Kom detta fram?");
        var first = await ReceiveAsync(mail);
        var counts = await CountsAsync();

        var again = await ReceiveAsync(mail);

        Assert.Equal(EmailOutcome.NewCase, first.Outcome);
        Assert.Equal(EmailOutcome.Duplicate, again.Outcome);
        Assert.Equal(counts, await CountsAsync());
    }

    [Fact]
    public async Task Receive_TheSameReplyTwiceAtOnce_IsStoredOnceAndOnTheCaseOnce()
    {
        // A relay that delivers one reply again while the first delivery is being stored: both pass the duplicate look-up,
        // and the database settles it. The other delivery is a duplicate, or is refused as a conflict (the listener answers
        // 451, IMAP leaves it for the next round) and is a duplicate when it comes again.
        var first = Mail("Nils Dubbel", "nils.dubbel@example.se", "Elen", "Strömmen går och kommer.");
        var opened = await ReceiveAsync(first);
        var reply = Mail("Nils Dubbel", "nils.dubbel@example.se", "Re: Elen", "Nu gick den igen.");
        reply.InReplyTo = first.MessageId;

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            try
            {
                return (EmailOutcome?)(await ReceiveAsync(reply)).Outcome;
            }
            catch (ConflictException)
            {
                return null;
            }
        }));
        var again = await ReceiveAsync(reply);

        Assert.Single(outcomes, o => o == EmailOutcome.JoinedCase);
        Assert.Single(outcomes, o => o is EmailOutcome.Duplicate or null);
        Assert.Equal(EmailOutcome.Duplicate, again.Outcome);
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var stored = await db.ConversationMessages.Where(m => m.ExternalId == $"<{reply.MessageId}>").Select(m => m.Id).ToListAsync(Ct);
        var message = Assert.Single(stored);
        var caseId = await db.Cases.Where(c => c.Number == opened.CaseNumber).Select(c => c.Id).SingleAsync(Ct);
        Assert.Equal([message], await db.CaseEvents.Where(e => e.CaseId == caseId && e.Kind == CaseEventKind.Contact && e.MessageId != null && e.MessageId != opened.MessageId)
            .Select(e => e.MessageId!.Value).ToListAsync(Ct));
    }

    [Theory]
    [InlineData("Auto-Submitted: auto-replied\r\n")]
    [InlineData("Precedence: bulk\r\n")]
    [InlineData("Precedence: junk\r\n")]
    [InlineData("Precedence: list\r\n")]
    [InlineData("X-Autoreply: yes\r\n")]
    public async Task Receive_AnAutoReplyOrListMail_IsNoiseAndOpensNothing(string header)
    {
        var counts = await CountsAsync();

        var received = await ReceiveRawAsync(
            $"From: Frånvaro <away@example.se>\r\nTo: {Mailbox}\r\nSubject: Frånvarande\r\nMessage-ID: <{Guid.NewGuid():N}@example.se>\r\n{header}" +
            "Content-Type: text/plain; charset=utf-8\r\n\r\nJag är ledig till måndag.\r\n");

        Assert.Equal(EmailOutcome.Noise, received.Outcome);
        Assert.Equal(counts, await CountsAsync());
    }

    [Fact]
    public async Task Receive_ADeliveryStatusNotification_IsNoiseAndOpensNothing()
    {
        var counts = await CountsAsync();

        var received = await ReceiveRawAsync(
            $"From: Mail Delivery System <MAILER-DAEMON@example.se>\r\nTo: {Mailbox}\r\nSubject: Undelivered Mail Returned to Sender\r\n" +
            $"Message-ID: <{Guid.NewGuid():N}@example.se>\r\nMIME-Version: 1.0\r\n" +
            "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\r\n\r\n" +
            "--b1\r\nContent-Type: text/plain\r\n\r\nThis is the mail system. Your message could not be delivered.\r\n" +
            "--b1\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.se\r\n\r\nFinal-Recipient: rfc822; nobody@example.se\r\nAction: failed\r\nStatus: 5.1.1\r\n" +
            "--b1--\r\n");

        Assert.Equal(EmailOutcome.Noise, received.Outcome);
        Assert.Equal(counts, await CountsAsync());
    }

    [Fact]
    public async Task Receive_ABounceOfAReplyMomentSent_MarksItNotDelivered_WithTheServersWords_AndOpensNothing()
    {
        var (messageId, sent) = await SentReplyAsync("karl.nord@example.se");
        var counts = await CountsAsync();

        var bounced = await ReceiveRawAsync(Dsn(messageId, "karl.nord@example.se", "failed", "smtp; 550 5.1.1 <karl.nord@example.se>: Recipient address rejected: User unknown"));

        Assert.Equal(EmailOutcome.Bounced, bounced.Outcome);
        Assert.Equal(counts, await CountsAsync());
        await using var scope = host.Scope();
        var message = await scope.ServiceProvider.GetRequiredService<AppDbContext>().ConversationMessages.SingleAsync(m => m.Id == sent, Ct);
        Assert.Equal((DeliveryState.Failed, "karl.nord@example.se: 550 5.1.1 <karl.nord@example.se>: Recipient address rejected: User unknown"), (message.Delivery, message.Failure));
    }

    [Fact]
    public async Task Receive_ADelayNotice_OrABounceOfAMessageMomentNeverSent_IsNoise_AndChangesNoDelivery()
    {
        var (messageId, sent) = await SentReplyAsync("lisa.syd@example.se");
        var counts = await CountsAsync();

        var delayed = await ReceiveRawAsync(Dsn(messageId, "lisa.syd@example.se", "delayed", "smtp; 451 4.4.1 Try again later"));
        var strangers = await ReceiveRawAsync(Dsn($"<{Guid.NewGuid():N}@elsewhere.example>", "lisa.syd@example.se", "failed", "smtp; 550 5.1.1 User unknown"));

        Assert.Equal((EmailOutcome.Noise, EmailOutcome.Noise), (delayed.Outcome, strangers.Outcome));
        Assert.Equal(counts, await CountsAsync());
        await using var scope = host.Scope();
        var message = await scope.ServiceProvider.GetRequiredService<AppDbContext>().ConversationMessages.SingleAsync(m => m.Id == sent, Ct);
        Assert.Equal((DeliveryState.Sent, null), (message.Delivery, message.Failure));
    }

    [Fact]
    public async Task Receive_Iso88591QuotedPrintableWithEncodedWords_ReadsÅÄÖ()
    {
        var received = await ReceiveRawAsync(
            $"From: =?iso-8859-1?Q?=C5sa_S=F6derstr=F6m?= <asa.soderstrom@example.se>\r\nTo: {Mailbox}\r\n" +
            $"Subject: =?iso-8859-1?Q?Fr=E5ga_om_r=E4kning?=\r\nMessage-ID: <{Guid.NewGuid():N}@example.se>\r\nMIME-Version: 1.0\r\n" +
            "Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" +
            "H=E4r =E4r min fr=E5ga om r=E4kningen, =F6verdebiterad.\r\n");

        var (subject, customer, text) = await CaseTextsAsync(received);
        Assert.Equal(("Fråga om räkning", "Åsa Söderström", "Här är min fråga om räkningen, överdebiterad."), (subject, customer, text));
    }

    [Fact]
    public async Task Receive_Windows1252Base64_ReadsÅÄÖ()
    {
        var body = Convert.ToBase64String(CodePage1252("Tack för hjälpen – nästan löst! €"));
        var received = await ReceiveRawAsync(
            $"From: =?windows-1252?B?{Convert.ToBase64String(CodePage1252("Örjan Åkesson"))}?= <orjan@example.se>\r\nTo: {Mailbox}\r\n" +
            $"Subject: =?utf-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes("Växeln är trög"))}?=\r\nMessage-ID: <{Guid.NewGuid():N}@example.se>\r\nMIME-Version: 1.0\r\n" +
            $"Content-Type: text/plain; charset=windows-1252\r\nContent-Transfer-Encoding: base64\r\n\r\n{body}\r\n");

        var (subject, customer, text) = await CaseTextsAsync(received);
        Assert.Equal(("Växeln är trög", "Örjan Åkesson", "Tack för hjälpen – nästan löst! €"), (subject, customer, text));
    }

    [Fact]
    public async Task Receive_OnlyHtml_KeepsItSanitisedAndReadsItsText()
    {
        var message = Mail("Klara Ö", "klara@example.se", "Html", null);
        message.Body = new TextPart("html") { Text = "<p>Hej <b>där</b></p><script>alert('x')</script><img src=x onerror=alert(1)>" };

        var received = await ReceiveAsync(message);

        await using var scope = host.Scope();
        var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().ConversationMessages.Include(m => m.Attachments)
            .SingleAsync(m => m.Id == received.MessageId, Ct);
        Assert.Equal("Hej där", stored.Text);
        var html = Assert.Single(stored.Attachments);
        Assert.Equal(("message.sanitized.html", "text/html"), (html.FileName, html.ContentType));
        var saved = await ReadStoredAsync(scope, html.StorageKey);
        Assert.Contains("<b>där</b>", saved, StringComparison.Ordinal);
        Assert.DoesNotContain("script", saved, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", saved, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Receive_WithAttachmentsAndAForwardedMessage_StoresEachWithNameTypeSizeAndContentHash()
    {
        var pdf = RandomNumberGenerator.GetBytes(70_000);
        var forwarded = Mail("Leverantör", "info@leverantor.se", "Orderbekräftelse", "Din order är skickad.");
        var builder = new BodyBuilder { TextBody = "Se bifogad faktura och leverantörens mejl." };
        builder.Attachments.Add("Faktura räkning.pdf", pdf, new ContentType("application", "pdf"));
        builder.Attachments.Add(new MessagePart { Message = forwarded });
        var message = Mail("Lars Öst", "lars.ost@example.se", "Fwd: Orderbekräftelse", null);
        message.Body = builder.ToMessageBody();

        var received = await ReceiveAsync(message);

        await using var scope = host.Scope();
        var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().ConversationMessages.Include(m => m.Attachments)
            .SingleAsync(m => m.Id == received.MessageId, Ct);
        Assert.Equal("Se bifogad faktura och leverantörens mejl.", stored.Text);
        Assert.Equal(2, stored.Attachments.Count);
        var invoice = stored.Attachments.Single(a => a.ContentType == "application/pdf");
        Assert.Equal(("Faktura räkning.pdf", pdf.LongLength, "sha256-" + Convert.ToHexStringLower(SHA256.HashData(pdf))), (invoice.FileName, invoice.Length, invoice.StorageKey));
        using (var file = scope.ServiceProvider.GetRequiredService<IAttachmentStore>().Open(invoice.StorageKey)!)
        using (var copy = new MemoryStream())
        {
            await file.CopyToAsync(copy, Ct);
            Assert.Equal(pdf, copy.ToArray());
        }

        var eml = stored.Attachments.Single(a => a.ContentType == "message/rfc822");
        Assert.Equal("Orderbekräftelse.eml", eml.FileName);
        Assert.Contains("Din order är skickad.", (await MimeMessage.LoadAsync(scope.ServiceProvider.GetRequiredService<IAttachmentStore>().Open(eml.StorageKey)!, Ct)).TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receive_OverTheSizeLimit_IsRefusedAndOpensNothing()
    {
        var message = Mail("Stor Fil", "stor@example.se", "Stor bilaga", null);
        var builder = new BodyBuilder { TextBody = "Här är filmen." };
        builder.Attachments.Add("film.mp4", new byte[EmailHost.MaxMessageBytes + 1], new ContentType("video", "mp4"));
        message.Body = builder.ToMessageBody();
        var counts = await CountsAsync();

        var received = await ReceiveAsync(message);

        Assert.Equal(EmailOutcome.TooLarge, received.Outcome);
        Assert.Equal(counts, await CountsAsync());
    }

    [Fact]
    public async Task Receive_MoreThanTheLimitFromOneSenderInAMinute_IsThrottledUntilTheMinuteHasPassed()
    {
        for (var i = 0; i < EmailHost.MaxPerMinute; i++)
            Assert.NotEqual(EmailOutcome.Throttled, (await ReceiveAsync(Mail("Loop Bot", "loop@example.se", $"Loop {i}", "Again."))).Outcome);
        var counts = await CountsAsync();

        var throttled = await ReceiveAsync(Mail("Loop Bot", "loop@example.se", "Loop again", "Again."));
        Assert.Equal(EmailOutcome.Throttled, throttled.Outcome);
        Assert.Equal(counts, await CountsAsync());

        host.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(EmailOutcome.NewCase, (await ReceiveAsync(Mail("Loop Bot", "loop@example.se", "After a minute", "Again."))).Outcome);
    }

    [Fact]
    public async Task Receive_AReplyToACaseResolvedWithinTheRepeatWindow_ReopensItAsTheSameProblem()
    {
        var first = Mail("Maja Vik", "maja.vik@example.se", "Inget bredband", "Bredbandet är nere.");
        var opened = await ReceiveAsync(first);
        await ResolveAsync(opened.CaseNumber!);
        host.Time.Advance(TimeSpan.FromDays(2));
        var reply = Mail("Maja Vik", "maja.vik@example.se", "Re: Inget bredband", "Nu är det nere igen.");
        reply.InReplyTo = first.MessageId;

        var received = await ReceiveAsync(reply);

        Assert.Equal((EmailOutcome.ReopenedCase, opened.CaseNumber), (received.Outcome, received.CaseNumber));
        await using var scope = host.Scope();
        var @case = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Cases.SingleAsync(c => c.Number == opened.CaseNumber, Ct);
        Assert.Equal((CaseStatus.Open, 1), (@case.Status, @case.RepeatContactCount));
        var texts = await scope.ServiceProvider.GetRequiredService<AppDbContext>().ConversationMessages
            .Where(m => m.ConversationId == received.ConversationId).OrderBy(m => m.Id).Select(m => m.Text).ToListAsync(Ct);
        Assert.Equal("Nu är det nere igen.", texts[^1]);
    }

    [Fact]
    public async Task Receive_AReplyToACaseResolvedLongAgo_OpensANewCase()
    {
        var first = Mail("Nils Å", "nils.a@example.se", "Telefonen", "Den ringer inte.");
        var opened = await ReceiveAsync(first);
        await ResolveAsync(opened.CaseNumber!);
        host.Time.Advance(CasePolicy.Default.RepeatContactWindow + TimeSpan.FromDays(1));
        var reply = Mail("Nils Å", "nils.a@example.se", "Re: Telefonen", "Nu ringer den inte igen.");
        reply.InReplyTo = first.MessageId;

        var received = await ReceiveAsync(reply);

        Assert.Equal(EmailOutcome.NewCase, received.Outcome);
        Assert.NotEqual(opened.CaseNumber, received.CaseNumber);
    }

    [Fact]
    public async Task Receive_ToNoMailboxOfMoments_OpensNothing()
    {
        var message = Mail("Vilse", "vilse@example.se", "Hej", "Fel adress?");
        message.To.Clear();
        message.To.Add(MailboxAddress.Parse("someone@elsewhere.se"));

        Assert.Equal(EmailOutcome.UnknownMailbox, (await ReceiveAsync(message, mailbox: null)).Outcome);
    }

    [Fact]
    public void Settings_ByDefault_AllowFiftyMessagesAMinuteAnd25MegabytesAMessage() =>
        Assert.Equal((50, 25L * 1024 * 1024), (new EmailSettings().MaxMessagesPerSenderPerMinute, new EmailSettings().MaxMessageBytes));

    private static MimeMessage Mail(string name, string address, string subject, string? text)
    {
        var message = new MimeMessage { Subject = subject, MessageId = $"{Guid.NewGuid():N}@{address.Split('@')[1]}" };
        message.From.Add(new MailboxAddress(name, address));
        message.To.Add(MailboxAddress.Parse(Mailbox));
        if (text is not null)
            message.Body = new TextPart("plain") { Text = text };
        return message;
    }

    private static byte[] CodePage1252(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252).GetBytes(text);
    }

    private async Task<EmailReceived> ReceiveAsync(MimeMessage message, string? mailbox = Mailbox)
    {
        using var content = new MemoryStream();
        await message.WriteToAsync(content, Ct);
        return await ReceiveBytesAsync(content.ToArray(), mailbox);
    }

    private Task<EmailReceived> ReceiveRawAsync(string raw) => ReceiveBytesAsync(Encoding.ASCII.GetBytes(raw));

    private async Task<EmailReceived> ReceiveBytesAsync(byte[] content, string? mailbox = Mailbox)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<ReceiveEmail>().HandleAsync(new ReceiveEmailRequest(mailbox, content), Ct);
    }

    /// <summary>A public reply on a new email case, as the outbox leaves it once sent: a Message-ID of Moment's, delivery "sent".</summary>
    private async Task<(string MessageId, long Sent)> SentReplyAsync(string customer)
    {
        var opened = await ReceiveAsync(Mail("Kund", customer, "Strömavbrott", "Strömmen gick i natt."));
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var johan = Actor.Of((await scope.ServiceProvider.GetRequiredService<StaffCards>().FindAsync(await IdOfAsync(db, Johan), Ct))!);
        await scope.ServiceProvider.GetRequiredService<AddCaseNote>().HandleAsync(opened.CaseNumber!, new AddCaseNoteRequest("Vi felsöker nu.", true, null), johan, Ct);
        var sent = await db.ConversationMessages.Where(m => m.ConversationId == opened.ConversationId && m.Direction == ContactDirection.Outbound)
            .OrderByDescending(m => m.Id).Select(m => m.Id).FirstAsync(Ct);
        var messageId = $"<{Guid.NewGuid():N}@moment.test>";
        await db.ConversationMessages.Where(m => m.Id == sent)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.ExternalId, messageId).SetProperty(m => m.Delivery, DeliveryState.Sent), Ct);
        return (messageId, sent);
    }

    /// <summary>A delivery status notification as Postfix writes one, returning the headers of the message it is about.</summary>
    private static string Dsn(string returnedId, string recipient, string action, string diagnostic) =>
        $"From: Mail Delivery System <MAILER-DAEMON@mx.example.se>\r\nTo: {Mailbox}\r\nSubject: Undelivered Mail Returned to Sender\r\n" +
        $"Message-ID: <{Guid.NewGuid():N}@mx.example.se>\r\nAuto-Submitted: auto-replied\r\nMIME-Version: 1.0\r\n" +
        "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\r\n\r\n" +
        "--b1\r\nContent-Type: text/plain\r\n\r\nThis is the mail system at host mx.example.se.\r\n" +
        "--b1\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.se\r\n\r\n" +
        $"Final-Recipient: rfc822; {recipient}\r\nOriginal-Recipient: rfc822;{recipient}\r\nAction: {action}\r\nStatus: 5.1.1\r\nDiagnostic-Code: {diagnostic}\r\n\r\n" +
        $"--b1\r\nContent-Type: text/rfc822-headers\r\n\r\nFrom: {Mailbox}\r\nTo: {recipient}\r\nSubject: Re: Strömavbrott\r\nMessage-ID: {returnedId}\r\n\r\n" +
        "--b1--\r\n";

    private async Task<(string Subject, string Customer, string Text)> CaseTextsAsync(EmailReceived received)
    {
        Assert.Equal(EmailOutcome.NewCase, received.Outcome);
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var @case = await db.Cases.SingleAsync(c => c.Number == received.CaseNumber, Ct);
        var customer = await db.Customers.Where(c => c.Id == @case.CustomerId).Select(c => c.Name).SingleAsync(Ct);
        var text = await db.ConversationMessages.Where(m => m.Id == received.MessageId).Select(m => m.Text).SingleAsync(Ct);
        return (@case.Subject, customer, text);
    }

    /// <summary>Sara takes the case offered to her team, proposes its resolution, and records the customer's yes.</summary>
    private async Task ResolveAsync(string number)
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var sara = await scope.ActorAsync(Sara);
        var offer = await db.HandOffs.Where(h => db.Cases.Any(c => c.Id == h.CaseId && c.Number == number) && h.State == HandOffState.Pending).Select(h => h.Id).SingleAsync(Ct);
        await scope.ServiceProvider.GetRequiredService<AnswerHandOff>().AcceptAsync(offer, sara, Ct);
        await using var proposing = host.Scope();
        await proposing.ServiceProvider.GetRequiredService<ProposeResolution>().HandleAsync(number, new ProposeResolutionRequest("Fixed on our side.", null), sara, Ct);
        await using var second = host.Scope();
        await second.ServiceProvider.GetRequiredService<RecordCustomerAnswer>().HandleAsync(number, new RecordCustomerAnswerRequest(true, Door.Phone, null, null), sara, Ct);
    }

    private static async Task<string> ReadStoredAsync(AsyncServiceScope scope, string key)
    {
        using var reader = new StreamReader(scope.ServiceProvider.GetRequiredService<IAttachmentStore>().Open(key)!);
        return await reader.ReadToEndAsync(Ct);
    }

    private async Task<(int Customers, int Cases, int Conversations, int Messages)> CountsAsync()
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return (await db.Customers.CountAsync(Ct), await db.Cases.CountAsync(Ct), await db.Conversations.CountAsync(Ct), await db.ConversationMessages.CountAsync(Ct));
    }

    private static Task<Guid> IdOfAsync(AppDbContext db, string email) => db.Users.Where(u => u.Email == email).Select(u => u.Id).FirstAsync(Ct);
}

/// <summary>An application host with a mailbox for the Phone team, attachments in a folder of its own, and small limits.</summary>
public class EmailHost(DatabaseProvider provider) : ApplicationHost(provider)
{
    public const long MaxMessageBytes = 1024 * 1024;
    public const int MaxPerMinute = 5;

    public string AttachmentFolder { get; } = Path.Combine(Path.GetTempPath(), "moment-attachments-" + Guid.NewGuid().ToString("N"));

    protected override void AddServices(IServiceCollection services) =>
        services.AddSingleton(new EmailSettings
        {
            Mailboxes = [new MailboxSettings { Address = "kundservice@moment.test", Team = "Phone" }],
            AttachmentFolder = AttachmentFolder,
            MaxMessageBytes = MaxMessageBytes,
            MaxMessagesPerSenderPerMinute = MaxPerMinute,
        });
}

public sealed class SqliteEmailHost() : EmailHost(DatabaseProvider.Sqlite);

public sealed class PostgresEmailHost() : EmailHost(DatabaseProvider.Postgres);

public sealed class ReceiveEmailTestsOnSqlite(SqliteEmailHost host) : ReceiveEmailTests(host), IClassFixture<SqliteEmailHost>;

public sealed class ReceiveEmailTestsOnPostgres(PostgresEmailHost host) : ReceiveEmailTests(host), IClassFixture<PostgresEmailHost>;
