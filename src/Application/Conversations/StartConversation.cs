using Microsoft.EntityFrameworkCore;
using Moment.Application.Cases;
using Moment.Application.Data;
using Moment.Application.Staff;
using Moment.Domain;
using Moment.Domain.Cases;
using Moment.Domain.Conversations;

namespace Moment.Application.Conversations;

/// <summary>
/// A chat, an email thread or a call on a case, with its first message when there is one (<paramref name="Text"/>;
/// inbound unless <paramref name="Direction"/> says outbound). <paramref name="ExternalId"/> is the door's id of the
/// thread or call, <paramref name="MessageExternalId"/> that of the first message.
/// </summary>
public sealed record StartConversationRequest(Door? Door, string? ExternalId, ContactDirection? Direction, string? Text, string? MessageExternalId);

public sealed record ConversationStarted(Guid ConversationId, long? MessageId);

/// <summary>
/// Starts a conversation beside the case: the case row is read, never changed, so a chat that begins while the owner
/// hands the case off costs neither of them a conflict.
/// </summary>
public sealed class StartConversation(AppDbContext db, TimeProvider time)
{
    public async Task<ConversationStarted> HandleAsync(string number, StartConversationRequest request, Actor actor, CancellationToken cancellationToken = default)
    {
        ListConversations.RequireServing(actor);
        var normalized = CaseNumbers.Normalize(number);
        var @case = await db.Cases.Where(c => c.Number == normalized).Select(c => new { c.Id, c.Number, c.CustomerId, c.Status })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("There is no case {0}.", number);
        if (@case.Status is CaseStatus.Resolved or CaseStatus.ResolvedBySilence)
            throw new ConflictException("Case {0} is resolved. Open a new case for the customer's new contact.", @case.Number);
        return await StartAsync(@case.Id, @case.CustomerId, request, actor.Id, cancellationToken);
    }

    internal async Task<ConversationStarted> StartAsync(Guid caseId, Guid customerId, StartConversationRequest request, Guid? authorId, CancellationToken cancellationToken)
    {
        var door = request.Door
            ?? throw new DomainRuleException("Say which door the customer came through (phone, chat, email, shop, onboard, letter, web, field).", "Door");
        var now = time.GetUtcNow();
        var conversation = Conversation.Start(caseId, customerId, door, request.ExternalId, now);
        db.Conversations.Add(conversation);
        ConversationMessage? first = null;
        if (!string.IsNullOrWhiteSpace(request.Text) || request.MessageExternalId is not null)
        {
            var direction = request.Direction ?? ContactDirection.Inbound;
            first = conversation.Write(direction, direction == ContactDirection.Outbound ? authorId : null, request.Text ?? "", request.MessageExternalId, now);
            db.ConversationMessages.Add(first);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new ConversationStarted(conversation.Id, first?.Id);
    }
}
