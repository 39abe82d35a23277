using Microsoft.EntityFrameworkCore;
using Moment.Application.Cases;
using Moment.Application.Chat;
using Moment.Application.Conversations;
using Moment.Application.Data;
using Moment.Application.Phone;
using Moment.Application.Staff;
using Moment.Application.Telemetry;
using Moment.Domain;
using Moment.Domain.Queues;

namespace Moment.Application.Queues;

/// <summary>The number of the customer's open case the contact is about, when the agent picks one; else a new case.</summary>
public sealed record AnswerOfferRequest(string? JoinCase);

/// <summary><paramref name="CallProblem"/>: a call that could not be put through (or a callback not placed), and what to do.</summary>
public sealed record OfferAnswered(Guid ContactId, string CaseNumber, Guid? ConversationId, CallProblem? CallProblem = null);

/// <summary>
/// The agent takes the contact offered to them, and owns the case it lands on (principle 1): the customer's open case
/// when the agent picks it, else a new case at the door. The conversation lands with it, the bot's part and all, so the
/// customer never repeats themselves. A callback's case, opened when the customer asked, passes to the agent with its
/// promise. All in one transaction: a refusal leaves the offer as it was. A call is then put through to the agent's phone,
/// or a callback placed (<see cref="PutCallThrough"/>).
/// </summary>
public sealed class AnswerOffer(AppDbContext db, OpenCaseFromContact open, CaseWork work, PutCallThrough calls, ChatSignal chats, MomentMetrics metrics, TimeProvider time)
{
    public async Task<OfferAnswered> HandleAsync(Guid contactId, AnswerOfferRequest request, Actor agent, CancellationToken cancellationToken = default)
    {
        CaseRules.RequireWork(agent);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var contact = await db.WaitingContacts.FirstOrDefaultAsync(c => c.Id == contactId, cancellationToken)
            ?? throw new NotFoundException("There is no such contact in the queue.");
        var now = time.GetUtcNow();
        contact.Accept(agent.Id, now);
        if (contact.CaseId is { } caseId)
        {
            var @case = await work.LoadByIdAsync(caseId, cancellationToken);
            @case.TakeFromQueue(agent.Id, agent.TeamId, now);
            // Saves the contact's answer with the case, under the case's concurrency check, and commits.
            await work.SaveAsync(cancellationToken);
            Answered(contact);
            return new OfferAnswered(contact.Id, contact.CaseNumber!, contact.ConversationId, await calls.HandleAsync(contact, cancellationToken));
        }
        else
        {
            var opened = await open.HandleAsync(new OpenCaseFromContactRequest(
                contact.Door, contact.CustomerId, contact.CustomerName, contact.Phone, contact.Email, null,
                contact.CaseSubject, contact.Question, JoinCase: request.JoinCase,
                WaitingConversationId: contact.ConversationId), agent, cancellationToken);
            var landedOn = await db.Cases.AsNoTracking().Where(c => c.Number == opened.CaseNumber).Select(c => c.Id).FirstAsync(cancellationToken);
            // OpenCaseFromContact refuses and clears the context on failure; the contact read above is tracked on success.
            contact.Landed(landedOn, opened.CaseNumber, opened.CustomerId);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Answered(contact);
        return new OfferAnswered(contact.Id, contact.CaseNumber!, contact.ConversationId, await calls.HandleAsync(contact, cancellationToken));
    }

    private void Answered(WaitingContact contact)
    {
        // The customer hears that a person answered, and whom, at once.
        chats.Poke();
        metrics.QueueOffer(contact.QueueId, "accepted");
        if (contact.Waited is { } waited)
            metrics.QueueWaited(contact.QueueId, waited, contact.Callback is null ? "answered" : "callback");
    }
}

/// <summary>
/// The agent finishes a chat (or the call ends): the contact is ended, its conversation closed, and the agent counts as
/// free from now for the longest-idle rule.
/// </summary>
public sealed class EndContact(AppDbContext db, QueueSignal signal, TimeProvider time)
{
    public async Task HandleAsync(Guid contactId, Actor agent, CancellationToken cancellationToken = default)
    {
        // Ending is a fact, not a choice made on what was seen: if the agent's presence changed at the same moment (they
        // chose Away as they ended), it is done again against that.
        await db.RetryAsync(async () =>
        {
            var contact = await db.WaitingContacts.FirstOrDefaultAsync(c => c.Id == contactId, cancellationToken)
                ?? throw new NotFoundException("There is no such contact in the queue.");
            if (contact.AnsweredById != agent.Id && !agent.IsLeading)
                throw new ForbiddenException("Only the agent who took the contact ends it.");
            await EndAsync(contact, cancellationToken);
        });
    }

    /// <summary>
    /// Ends a contact a person took, however it finished: the agent ended it, the caller hung up, or (<paramref name="missed"/>)
    /// the customer answered none of the callbacks.
    /// </summary>
    public async Task EndAsync(WaitingContact contact, CancellationToken cancellationToken, bool missed = false)
    {
        var now = time.GetUtcNow();
        if (missed)
            contact.CallbackMissed(now);
        else
            contact.End(now);
        if (contact.ConversationId is { } conversationId
            && await db.Conversations.FirstOrDefaultAsync(c => c.Id == conversationId, cancellationToken) is { } conversation)
            conversation.Close(now);
        if (contact.AnsweredById is { } answeredBy && await db.AgentPresences.FirstOrDefaultAsync(p => p.UserId == answeredBy, cancellationToken) is { } presence)
            presence.Freed(now);
        await db.SaveChangesAsync(cancellationToken);
        signal.Poke();
    }
}
