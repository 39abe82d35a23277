using Microsoft.EntityFrameworkCore;
using Moment.Application.Customers;
using Moment.Application.Data;
using Moment.Application.Staff;
using Moment.Domain.Cases;
using Moment.Domain.Queues;

namespace Moment.Application.Queues;

/// <summary>
/// A customer's open case, shown with an offer so the agent can take the contact onto it; <paramref name="Yours"/> when
/// the agent owns it (the call was offered to them first for that reason).
/// </summary>
public sealed record OpenCaseRef(string Number, string Subject, bool Yours = false);

/// <summary>
/// A contact offered to the agent: the queue, the customer's question, until when the offer stands, and for a customer
/// found by their phone or email, their open cases.
/// </summary>
public sealed record OfferView(
    Guid ContactId, string Queue, Door Door, CallbackWay? Callback, string? CallbackNumber, string CustomerName, string Question,
    string Language, DateTimeOffset PlaceAt, DateTimeOffset ExpiresAt, IReadOnlyList<OpenCaseRef> OpenCases);

/// <summary>A contact the agent holds: its case and conversation, to work side by side with the case.</summary>
public sealed record HeldContactView(Guid ContactId, Door Door, CallbackWay? Callback, string? CallbackNumber, string CustomerName, string CaseNumber, Guid? ConversationId, DateTimeOffset AnsweredAt);

public sealed record DeskView(PresenceView Presence, IReadOnlyList<OfferView> Offers, IReadOnlyList<HeldContactView> Held);

/// <summary>What the queue puts on an agent's desk: their presence, the offers waiting for them, the contacts they hold.</summary>
public sealed class AgentDesk(AppDbContext db, SetPresence presence, FindCustomers findCustomers, TimeProvider time)
{
    public async Task<DeskView> HandleAsync(Actor agent, CancellationToken cancellationToken = default)
    {
        var mine = await presence.GetAsync(agent, cancellationToken);
        var now = time.GetUtcNow();
        var offers = await db.WaitingContacts.AsNoTracking()
            .Where(c => c.State == ContactState.Offered && c.OfferedToId == agent.Id && c.OfferExpiresAt > now)
            .Join(db.Queues, c => c.QueueId, q => q.Id, (c, q) => new { Contact = c, Queue = q.Name })
            .OrderBy(x => x.Contact.PlaceAt).ToListAsync(cancellationToken);
        var views = new List<OfferView>();
        foreach (var x in offers)
        {
            var c = x.Contact;
            views.Add(new OfferView(
                c.Id, x.Queue, c.Door, c.Callback, c.CallbackNumber, c.CustomerName, c.Question, c.Language, c.PlaceAt, c.OfferExpiresAt!.Value,
                await OpenCasesAsync(c, agent.Id, cancellationToken)));
        }

        var held = await db.WaitingContacts.AsNoTracking()
            .Where(c => c.State == ContactState.Answered && c.AnsweredById == agent.Id)
            .OrderBy(c => c.AnsweredAt)
            .Select(c => new HeldContactView(c.Id, c.Door, c.Callback, c.CallbackNumber, c.CustomerName, c.CaseNumber ?? "", c.ConversationId, c.AnsweredAt!.Value))
            .ToListAsync(cancellationToken);
        return new DeskView(mine, views, held);
    }

    private async Task<IReadOnlyList<OpenCaseRef>> OpenCasesAsync(WaitingContact contact, Guid agentId, CancellationToken cancellationToken)
    {
        var customers = new HashSet<Guid>();
        if (contact.CustomerId is { } known)
            customers.Add(known);
        foreach (var detail in new[] { contact.Email, contact.Phone })
        {
            if (string.IsNullOrWhiteSpace(detail))
                continue;
            foreach (var found in await findCustomers.HandleAsync(detail, withContactDetails: true, cancellationToken))
                customers.Add(found.Id);
        }

        if (customers.Count == 0)
            return [];
        return await db.Cases.AsNoTracking()
            .Where(c => customers.Contains(c.CustomerId) && c.Status != CaseStatus.Resolved && c.Status != CaseStatus.ResolvedBySilence)
            .OrderByDescending(c => c.OwnerId == agentId).ThenByDescending(c => c.UpdatedAt).Take(10)
            .Select(c => new OpenCaseRef(c.Number, c.Subject, c.OwnerId == agentId)).ToListAsync(cancellationToken);
    }
}
