using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Domain;
using Moment.Domain.Cases;
using Moment.Domain.Conversations;

namespace Moment.Application.Conversations;

/// <summary>A door's report on an outbound message it carries, found by the door's own id of the message.</summary>
public sealed record ReportDeliveryRequest(Door Door, string? ExternalId, DeliveryState State, string? Failure);

/// <summary>
/// Moves an outbound message on: sent, delivered, read or failed. Reports come late, twice and at the same moment, so
/// the move is one conditional update: a report that would move the message back changes nothing, also when another
/// report is saved in between (<see cref="ConversationMessage.MovesOnFrom"/>). Answers whether the state moved.
/// </summary>
public sealed class ReportDelivery(AppDbContext db)
{
    public async Task<bool> HandleAsync(ReportDeliveryRequest request, CancellationToken cancellationToken = default)
    {
        var externalId = Text.Required(request.ExternalId, "ExternalId", Conversation.ExternalIdMaxLength);
        var messages = db.ConversationMessages.Where(m => m.ExternalId == externalId
            && db.Conversations.Any(c => c.Id == m.ConversationId && c.Door == request.Door));
        var directions = await messages.Select(m => m.Direction).Distinct().ToListAsync(cancellationToken);
        if (directions.Count == 0)
            throw new NotFoundException("No message has the id {0}.", externalId);
        if (!directions.Contains(ContactDirection.Outbound))
            throw new ConflictException("An inbound message has no delivery to report.");

        var from = ConversationMessage.MovesOnFrom(request.State);
        var outbound = messages.Where(m => m.Direction == ContactDirection.Outbound && from.Contains(m.Delivery));
        var moved = request.State == DeliveryState.Failed
            ? await outbound.ExecuteUpdateAsync(
                set => set.SetProperty(m => m.Delivery, request.State).SetProperty(m => m.Failure, ConversationMessage.Shortened(request.Failure)), cancellationToken)
            : await outbound.ExecuteUpdateAsync(set => set.SetProperty(m => m.Delivery, request.State), cancellationToken);
        return moved > 0;
    }
}
