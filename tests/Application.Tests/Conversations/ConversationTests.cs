using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application.Cases;
using Moment.Application.Conversations;
using Moment.Application.Data;
using Moment.Application.Staff;
using Moment.Domain;
using Moment.Domain.Cases;
using Moment.Domain.Conversations;

namespace Moment.Application.Tests.Conversations;

/// <summary>
/// Conversations beside cases on a real database of each provider: one use case opens or joins a case from an inbound
/// contact, all or nothing, and messages never touch the case, so they never turn an agent's work on it into a conflict.
/// </summary>
public abstract class ConversationTests(ApplicationHost host) : IAsyncLifetime
{
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
    public async Task OpenCaseFromContact_NewCustomerInAChat_RegistersCustomerCaseAndConversationInOneGo()
    {
        var opened = await OpenAsync(new OpenCaseFromContactRequest(
            Door.Chat, null, "Ingrid Nyberg", "073-555 01 01", "ingrid.nyberg@example.se", null, "The app logs me out", "It logs me out every minute.",
            StartConversation: true, ThreadId: "chat-ingrid", MessageId: "chat-ingrid-1"));

        Assert.True(opened.NewCustomer);
        Assert.True(opened.NewCase);
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var customer = await db.Customers.Include(c => c.PhoneNumbers).SingleAsync(c => c.Id == opened.CustomerId, Ct);
        Assert.Equal("Ingrid Nyberg", customer.Name);
        Assert.Equal("+46735550101", Assert.Single(customer.PhoneNumbers).E164);
        var @case = await db.Cases.SingleAsync(c => c.Number == opened.CaseNumber, Ct);
        Assert.Equal(opened.CustomerId, @case.CustomerId);
        Assert.Equal(Door.Chat, @case.FirstDoor);
        Assert.Equal(await IdOfAsync(scope, Sara), @case.OwnerId);
        var conversation = Assert.Single(await ListAsync(opened.CaseNumber));
        Assert.Equal(opened.ConversationId, conversation.Id);
        Assert.Equal((Door.Chat, ConversationState.Open, "chat-ingrid"), (conversation.Door, conversation.State, conversation.ExternalId));
        var message = Assert.Single(conversation.Messages);
        Assert.Equal((ContactDirection.Inbound, DeliveryState.Received, "It logs me out every minute.", "chat-ingrid-1"), (message.Direction, message.Delivery, message.Text, message.ExternalId));
        Assert.Null(message.Author);
    }

    [Fact]
    public async Task OpenCaseFromContact_KnownPhoneInAnotherNotation_FindsTheCustomer()
    {
        var opened = await OpenAsync(new OpenCaseFromContactRequest(
            Door.Phone, null, "Anders", "+46 (0)70-123 45 67", null, null, "Invoice question", "Asks about the November invoice."));

        Assert.False(opened.NewCustomer);
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal("Anders Andersson", await db.Customers.Where(c => c.Id == opened.CustomerId).Select(c => c.Name).SingleAsync(Ct));
        Assert.Equal(0, await db.Customers.CountAsync(c => c.Name == "Anders", Ct));
    }

    [Fact]
    public async Task OpenCaseFromContact_ByEmail_JoiningTheirOpenCase_AddsAConversationAndLeavesTheCaseAlone()
    {
        var first = await OpenAsync(new OpenCaseFromContactRequest(
            Door.Email, null, "Olle Berg", null, "olle.berg@example.se", null, "Parcel never came", "Where is my parcel?",
            StartConversation: true, ThreadId: "<thread-olle@example.se>", MessageId: "<1@example.se>"));
        var before = await CaseAsync(first.CaseNumber);
        host.Time.Advance(TimeSpan.FromMinutes(5));

        var second = await OpenAsync(new OpenCaseFromContactRequest(
            Door.Chat, null, null, null, "OLLE.BERG@example.se", null, null, "Any news on the parcel?", JoinCase: first.CaseNumber.ToLowerInvariant(),
            StartConversation: true, ThreadId: "chat-olle"));

        Assert.Equal((first.CustomerId, first.CaseNumber, false, false), (second.CustomerId, second.CaseNumber, second.NewCustomer, second.NewCase));
        var after = await CaseAsync(first.CaseNumber);
        Assert.Equal((before.Version, before.UpdatedAt), (after.Version, after.UpdatedAt));
        var conversations = await ListAsync(first.CaseNumber);
        Assert.Equal([Door.Email, Door.Chat], conversations.Select(c => c.Door));
        Assert.Equal("Any news on the parcel?", Assert.Single(conversations[1].Messages).Text);
    }

    [Fact]
    public async Task OpenCaseFromContact_ACallJoiningTheirOpenCase_IsRecordedAsAContactOnTheCase()
    {
        var first = await OpenAsync(new OpenCaseFromContactRequest(Door.Shop, null, "Tove Lind", "073-555 02 02", null, null, "Broken router", null));

        var call = await OpenAsync(new OpenCaseFromContactRequest(Door.Phone, first.CustomerId, null, null, null, null, null, "Calls to ask when the technician comes.", JoinCase: first.CaseNumber));

        Assert.Null(call.ConversationId);
        await using var scope = host.Scope();
        var details = await scope.ServiceProvider.GetRequiredService<GetCase>().HandleAsync(first.CaseNumber, Ct);
        // Registering the case recorded the first contact, at the shop.
        var contacts = details.Timeline.Where(e => e.Kind == CaseEventKind.Contact).ToList();
        Assert.Equal([Door.Shop, Door.Phone], contacts.Select(c => c.Door));
        var contact = contacts[1];
        Assert.Equal((Door.Phone, ContactDirection.Inbound, "Calls to ask when the technician comes."), (contact.Door, contact.Direction, contact.Text));
        Assert.Empty(await ListAsync(first.CaseNumber));
    }

    [Fact]
    public async Task OpenCaseFromContact_AnotherCustomersCase_IsRefusedWithNothingWritten()
    {
        var someoneElse = await OpenAsync(new OpenCaseFromContactRequest(Door.Phone, null, "Nils Ek", "073-555 03 03", null, null, "Slow internet", null));
        var counts = await CountsAsync();

        var refusal = await Assert.ThrowsAsync<DomainRuleException>(() => OpenAsync(new OpenCaseFromContactRequest(
            Door.Chat, null, "Stina Ek", "073-555 04 04", null, null, null, "I want to see Nils's case.", JoinCase: someoneElse.CaseNumber,
            StartConversation: true, ThreadId: "chat-stina")));

        Assert.Equal("JoinCase", refusal.Field);
        Assert.Equal(counts, await CountsAsync());
        await using var scope = host.Scope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Customers.AnyAsync(c => c.Name == "Stina Ek", Ct));
    }

    [Fact]
    public async Task OpenCaseFromContact_TheirResolvedCase_IsRefusedWithNothingWritten()
    {
        Guid customerId;
        string number;
        await using (var scope = host.Scope())
        {
            var resolved = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Cases
                .Where(c => c.Status == CaseStatus.Resolved).Select(c => new { c.CustomerId, c.Number }).FirstAsync(Ct);
            (customerId, number) = (resolved.CustomerId, resolved.Number);
        }

        var before = await CaseAsync(number);
        var counts = await CountsAsync();

        await Assert.ThrowsAsync<ConflictException>(() => OpenAsync(new OpenCaseFromContactRequest(
            Door.Chat, customerId, null, null, null, null, null, "It broke again.", JoinCase: number, StartConversation: true)));

        Assert.Equal(counts, await CountsAsync());
        Assert.Equal(before.Version, (await CaseAsync(number)).Version);
    }

    [Fact]
    public async Task WriteMessage_ManyInAChat_NeverLoadsOrChangesTheCase()
    {
        var opened = await OpenAsync(new OpenCaseFromContactRequest(
            Door.Chat, null, "Berit Sand", "073-555 05 05", null, null, "Refund", "Where is my refund?", StartConversation: true));
        var before = await CaseAsync(opened.CaseNumber);

        for (var i = 0; i < 3; i++)
        {
            await using var scope = host.Scope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await scope.ServiceProvider.GetRequiredService<WriteMessage>().HandleAsync(
                opened.ConversationId!.Value, new WriteMessageRequest(ContactDirection.Outbound, $"Answer {i}", null), await ActorAsync(scope, Sara), Ct);
            Assert.DoesNotContain(db.ChangeTracker.Entries(), e => e.Entity is Case);
        }

        var after = await CaseAsync(opened.CaseNumber);
        Assert.Equal((before.Version, before.UpdatedAt), (after.Version, after.UpdatedAt));
        var messages = Assert.Single(await ListAsync(opened.CaseNumber)).Messages;
        Assert.Equal(["Where is my refund?", "Answer 0", "Answer 1", "Answer 2"], messages.Select(m => m.Text));
        Assert.All(messages.Skip(1), m => Assert.Equal(("Sara Holm", DeliveryState.Queued), (m.Author?.Name, m.Delivery)));
    }

    [Fact]
    public async Task ChatMessages_WhileTheOwnerHandsTheCaseOff_NoConflictAndOnlyTheHandOffBumpsTheVersion()
    {
        const int Rounds = 8;
        const int MessagesPerRound = 4;
        for (var round = 0; round < Rounds; round++)
        {
            var opened = await OpenAsync(new OpenCaseFromContactRequest(
                Door.Chat, null, $"Parallel {round}", null, null, null, "Chat while handing off", "Hello?", StartConversation: true));
            var before = await CaseAsync(opened.CaseNumber);

            var writes = Enumerable.Range(0, MessagesPerRound).Select(i => Task.Run(async () =>
            {
                await using var scope = host.Scope();
                await scope.ServiceProvider.GetRequiredService<WriteMessage>().HandleAsync(opened.ConversationId!.Value,
                    new WriteMessageRequest(i % 2 == 0 ? ContactDirection.Inbound : ContactDirection.Outbound, $"Message {i}", null),
                    i % 2 == 0 ? null : await ActorAsync(scope, Sara), Ct);
            }, Ct));
            var handOff = Task.Run(async () =>
            {
                await using var scope = host.Scope();
                await scope.ServiceProvider.GetRequiredService<OfferHandOff>().HandleAsync(opened.CaseNumber,
                    new OfferHandOffRequest(null, Erik, null, "Wants a refund, chat ongoing", "Refunds are Erik's", before.Version), await ActorAsync(scope, Sara), Ct);
            }, Ct);
            await Task.WhenAll([.. writes, handOff]);

            var after = await CaseAsync(opened.CaseNumber);
            Assert.Equal(before.Version + 1, after.Version);
            Assert.Equal(MessagesPerRound + 1, Assert.Single(await ListAsync(opened.CaseNumber)).Messages.Count);
        }
    }

    [Fact]
    public async Task ReportDelivery_LateAndRepeatedReports_NeverMoveBack()
    {
        var opened = await OpenAsync(new OpenCaseFromContactRequest(
            Door.Email, null, "Gun Ås", null, "gun.as@example.se", null, "Bill", "Why two bills?", StartConversation: true));
        await using (var scope = host.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<WriteMessage>().HandleAsync(
                opened.ConversationId!.Value, new WriteMessageRequest(ContactDirection.Outbound, "One is a reminder.", "<out-gun@moment.test>"), await ActorAsync(scope, Sara), Ct);
        }

        var moves = new List<(bool Moved, DeliveryState State)>();
        foreach (var state in new[] { DeliveryState.Sent, DeliveryState.Read, DeliveryState.Delivered, DeliveryState.Sent, DeliveryState.Failed, DeliveryState.Read })
        {
            await using var scope = host.Scope();
            var moved = await scope.ServiceProvider.GetRequiredService<ReportDelivery>().HandleAsync(
                new ReportDeliveryRequest(Door.Email, "<out-gun@moment.test>", state, "Mailbox full"), Ct);
            moves.Add((moved, Assert.Single(await ListAsync(opened.CaseNumber)).Messages[1].Delivery));
        }

        Assert.Equal(
            [(true, DeliveryState.Sent), (true, DeliveryState.Read), (false, DeliveryState.Read), (false, DeliveryState.Read), (false, DeliveryState.Read), (false, DeliveryState.Read)],
            moves);
        Assert.Null(Assert.Single(await ListAsync(opened.CaseNumber)).Messages[1].Failure);
    }

    [Fact]
    public async Task ReportDelivery_Failed_KeepsWhyAndStaysFailed()
    {
        var opened = await OpenAsync(new OpenCaseFromContactRequest(
            Door.Email, null, "Lars Ny", null, "lars.ny@example.se", null, "Address", "New address.", StartConversation: true));
        await using (var scope = host.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<WriteMessage>().HandleAsync(
                opened.ConversationId!.Value, new WriteMessageRequest(ContactDirection.Outbound, "Noted.", "<out-lars@moment.test>"), await ActorAsync(scope, Sara), Ct);
        }

        foreach (var state in new[] { DeliveryState.Failed, DeliveryState.Delivered })
        {
            await using var scope = host.Scope();
            await scope.ServiceProvider.GetRequiredService<ReportDelivery>().HandleAsync(
                new ReportDeliveryRequest(Door.Email, "<out-lars@moment.test>", state, "550 No such mailbox"), Ct);
        }

        var message = Assert.Single(await ListAsync(opened.CaseNumber)).Messages[1];
        Assert.Equal((DeliveryState.Failed, "550 No such mailbox"), (message.Delivery, message.Failure));
    }

    [Fact]
    public async Task ReportDelivery_OnAnInboundMessage_IsRefused()
    {
        await OpenAsync(new OpenCaseFromContactRequest(
            Door.Chat, null, "Åsa In", null, null, null, "Hi", "Hi there", StartConversation: true, MessageId: "in-asa-1"));

        await using var scope = host.Scope();
        await Assert.ThrowsAsync<ConflictException>(() => scope.ServiceProvider.GetRequiredService<ReportDelivery>().HandleAsync(
            new ReportDeliveryRequest(Door.Chat, "in-asa-1", DeliveryState.Read, null), Ct));
    }

    [Fact]
    public async Task WriteMessage_InAClosedConversation_IsRefusedAndTheSameMessageTwiceIsWrittenOnce()
    {
        var opened = await OpenAsync(new OpenCaseFromContactRequest(
            Door.Chat, null, "Kalle Stängd", null, null, null, "Question", "Hello", StartConversation: true));
        var id = opened.ConversationId!.Value;
        await using (var scope = host.Scope())
        {
            var write = scope.ServiceProvider.GetRequiredService<WriteMessage>();
            var once = await write.HandleAsync(id, new WriteMessageRequest(ContactDirection.Inbound, "Are you there?", "m-2"), null, Ct);
            var twice = await write.HandleAsync(id, new WriteMessageRequest(ContactDirection.Inbound, "Are you there?", "m-2"), null, Ct);
            Assert.Equal(once.Id, twice.Id);
            await scope.ServiceProvider.GetRequiredService<CloseConversation>().HandleAsync(id, await ActorAsync(scope, Sara), Ct);
        }

        await using (var scope = host.Scope())
        {
            var sara = await ActorAsync(scope, Sara);
            await Assert.ThrowsAsync<ConflictException>(() => scope.ServiceProvider.GetRequiredService<WriteMessage>().HandleAsync(
                id, new WriteMessageRequest(ContactDirection.Outbound, "Still here?", null), sara, Ct));
            await Assert.ThrowsAsync<ConflictException>(() => scope.ServiceProvider.GetRequiredService<WriteMessage>().HandleAsync(
                id, new WriteMessageRequest(ContactDirection.Inbound, "Hello again", null), null, Ct));
        }

        var conversation = Assert.Single(await ListAsync(opened.CaseNumber));
        Assert.Equal(ConversationState.Closed, conversation.State);
        Assert.Equal(["Hello", "Are you there?"], conversation.Messages.Select(m => m.Text));
    }

    private async Task<ContactOpened> OpenAsync(OpenCaseFromContactRequest request)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<OpenCaseFromContact>().HandleAsync(request, await ActorAsync(scope, Sara), Ct);
    }

    private async Task<IReadOnlyList<ConversationView>> ListAsync(string number)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<ListConversations>().HandleAsync(number, await ActorAsync(scope, Sara), Ct);
    }

    private async Task<(int Version, DateTimeOffset UpdatedAt)> CaseAsync(string number)
    {
        await using var scope = host.Scope();
        var @case = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Cases.AsNoTracking().SingleAsync(c => c.Number == number, Ct);
        return (@case.Version, @case.UpdatedAt);
    }

    private async Task<(int Customers, int Cases, int Conversations, int Messages)> CountsAsync()
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return (await db.Customers.CountAsync(Ct), await db.Cases.CountAsync(Ct), await db.Conversations.CountAsync(Ct), await db.ConversationMessages.CountAsync(Ct));
    }

    private static async Task<Actor> ActorAsync(AsyncServiceScope scope, string email) =>
        Actor.Of((await scope.ServiceProvider.GetRequiredService<StaffCards>().FindAsync(await IdOfAsync(scope, email), Ct))!);

    private static Task<Guid> IdOfAsync(AsyncServiceScope scope, string email) =>
        scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).FirstAsync(Ct);
}

public sealed class ConversationTestsOnSqlite(SqliteHost host) : ConversationTests(host), IClassFixture<SqliteHost>;

public sealed class ConversationTestsOnPostgres(PostgresHost host) : ConversationTests(host), IClassFixture<PostgresHost>;
