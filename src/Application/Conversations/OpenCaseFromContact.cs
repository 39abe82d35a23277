using Microsoft.EntityFrameworkCore;
using Moment.Application.Cases;
using Moment.Application.Customers;
using Moment.Application.Data;
using Moment.Application.Staff;
using Moment.Domain;
using Moment.Domain.Cases;
using Moment.Domain.Customers;

namespace Moment.Application.Conversations;

/// <summary>
/// An inbound contact at any door. The customer is <paramref name="CustomerId"/>, or who they say they are: found by
/// phone number (in any notation) or email address, or else registered by name. <paramref name="RegisterNewCustomer"/>
/// skips the finding, for staff who have already looked and are registering someone new.
/// <paramref name="JoinCase"/> is the number of the customer's case the contact is about; without it a new case is
/// registered with <paramref name="Subject"/> and <paramref name="Text"/>. A chat or an email starts a conversation
/// (<paramref name="StartConversation"/>) whose first message is <paramref name="Text"/>, with the door's ids of the
/// thread and the message; a call typed in by staff joins a case as a recorded contact instead.
/// <paramref name="WaitingConversationId"/> is a conversation that began in a queue before anyone took it: it lands on
/// the case with every message the customer (and the bot) wrote, instead of a new one starting.
/// <paramref name="CustomerLanguage"/> is the language a customer registered here is answered in, when staff know it.
/// </summary>
public sealed record OpenCaseFromContactRequest(
    Door? Door,
    Guid? CustomerId,
    string? CustomerName,
    string? CustomerPhone,
    string? CustomerEmail,
    Guid? CaseTypeId,
    string? Subject,
    string? Text,
    CasePriority? Priority = null,
    string? JoinCase = null,
    bool StartConversation = false,
    string? ThreadId = null,
    string? MessageId = null,
    bool RegisterNewCustomer = false,
    Guid? WaitingConversationId = null,
    CustomerLanguage? CustomerLanguage = null);

public sealed record ContactOpened(Guid CustomerId, bool NewCustomer, string CaseNumber, bool NewCase, Guid? ConversationId, long? MessageId);

/// <summary>
/// The one use case every door calls for an inbound contact: it finds or registers the customer, joins their open case
/// or registers a new one, and starts the conversation, all in one transaction: a refusal at any step saves nothing.
/// </summary>
/// <remarks>
/// Whoever takes the contact registers and owns a new case (principle 1). At a door with no person behind it (the web
/// chat) the contact waits in a queue with its conversation and no case, and this runs when an agent takes it: the
/// agent is the registrar and the owner, so a case never exists without its one owner.
/// </remarks>
public sealed class OpenCaseFromContact(
    AppDbContext db, FindCustomers findCustomers, RegisterCustomer registerCustomer, RegisterCase registerCase, RecordContact recordContact,
    StartConversation startConversation)
{
    public async Task<ContactOpened> HandleAsync(OpenCaseFromContactRequest request, Actor registrar, CancellationToken cancellationToken = default)
    {
        if (request.Door is not { } door)
            throw new DomainRuleException("Say which door the customer came through (phone, chat, email, shop, onboard, letter, web, field).", "Door");
        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        // A refusal at any step rolls the whole contact back, so no save needs a savepoint of its own.
        using var savepoints = Savepoints.Off(db);
        try
        {
            var (customerId, newCustomer) = await CustomerAsync(request, registrar, cancellationToken);
            var (number, caseId, newCase) = request.JoinCase is { } join
                ? await JoinAsync(join, customerId, cancellationToken)
                : await RegisterAsync(request, door, customerId, registrar, cancellationToken);

            ConversationStarted? conversation = null;
            if (request.WaitingConversationId is { } waiting)
            {
                var landing = await db.Conversations.FirstOrDefaultAsync(c => c.Id == waiting, cancellationToken)
                    ?? throw new NotFoundException("There is no such conversation.");
                landing.LandOn(caseId, customerId);
                await db.SaveChangesAsync(cancellationToken);
                conversation = new ConversationStarted(landing.Id, null);
            }
            else if (request.StartConversation)
            {
                conversation = await startConversation.StartAsync(
                    caseId, customerId, new StartConversationRequest(door, request.ThreadId, ContactDirection.Inbound, request.Text, request.MessageId), null, cancellationToken);
            }
            else if (!newCase)
            {
                // RecordContact saves with the case's concurrency check and commits the transaction itself.
                await recordContact.HandleAsync(number, new RecordContactRequest(door, ContactDirection.Inbound, request.Text, false, null), registrar, cancellationToken);
            }

            if (db.Database.CurrentTransaction is not null && ownTransaction is not null)
                await ownTransaction.CommitAsync(cancellationToken);
            return new ContactOpened(customerId, newCustomer, number, newCase, conversation?.ConversationId, conversation?.MessageId);
        }
        catch
        {
            // What was added before the refusal was rolled back; the context must not try to save it again.
            db.ChangeTracker.Clear();
            throw;
        }
        finally
        {
            if (ownTransaction is not null)
                await ownTransaction.DisposeAsync();
        }
    }

    private async Task<(Guid Id, bool New)> CustomerAsync(OpenCaseFromContactRequest request, Actor registrar, CancellationToken cancellationToken)
    {
        if (request.CustomerId is { } id)
        {
            return await db.Customers.AnyAsync(c => c.Id == id, cancellationToken)
                ? (id, false)
                : throw new DomainRuleException("That customer does not exist.", "CustomerId");
        }

        if (!request.RegisterNewCustomer)
        {
            var several = false;
            // The email address first: a landline is often shared by a household, an address seldom.
            foreach (var (given, isGiven) in new[] { (request.CustomerEmail, request.CustomerEmail?.Contains('@', StringComparison.Ordinal) == true),
                         (request.CustomerPhone, Customers.PhoneNumbers.TryNormalize(request.CustomerPhone) is not null) })
            {
                if (!isGiven)
                    continue;
                var found = await findCustomers.HandleAsync(given, withContactDetails: registrar.ServesCustomers, cancellationToken);
                if (found.Count == 1)
                    return (found[0].Id, false);
                several |= found.Count > 1;
            }

            if (several)
                throw new DomainRuleException("Several customers have this phone number or email address. Choose the customer from the desk.", "CustomerId");
        }

        var registered = await registerCustomer.HandleAsync(new RegisterCustomerRequest(
            request.CustomerName,
            string.IsNullOrWhiteSpace(request.CustomerPhone) ? [] : [request.CustomerPhone],
            string.IsNullOrWhiteSpace(request.CustomerEmail) ? [] : [request.CustomerEmail],
            null,
            request.CustomerLanguage), cancellationToken);
        return (registered.Id, true);
    }

    /// <summary>The customer's own case, not yet resolved: a resolved case is reopened only as the same problem (RecordContact).</summary>
    private async Task<(string Number, Guid Id, bool New)> JoinAsync(string number, Guid customerId, CancellationToken cancellationToken)
    {
        var normalized = CaseNumbers.Normalize(number);
        var @case = await db.Cases.Where(c => c.Number == normalized).Select(c => new { c.Id, c.Number, c.CustomerId, c.Status })
            .FirstOrDefaultAsync(cancellationToken);
        if (@case is null || @case.CustomerId != customerId)
            throw new DomainRuleException("The customer has no case {0}.", "JoinCase", number);
        if (@case.Status is CaseStatus.Resolved or CaseStatus.ResolvedBySilence)
            throw new ConflictException("Case {0} is resolved. Open a new case for the customer's new contact.", @case.Number);
        return (@case.Number, @case.Id, false);
    }

    private async Task<(string Number, Guid Id, bool New)> RegisterAsync(
        OpenCaseFromContactRequest request, Door door, Guid customerId, Actor registrar, CancellationToken cancellationToken)
    {
        var registered = await registerCase.HandleAsync(
            new RegisterCaseRequest(customerId, request.CaseTypeId, request.Subject, request.Text, request.Priority, door, null), registrar.Id, cancellationToken);
        return (registered.Number, registered.Id, true);
    }
}
