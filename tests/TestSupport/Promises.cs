using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application.Cases;
using Moment.Application.Data;
using Moment.Domain.Cases;

namespace Moment.TestSupport;

/// <summary>Arranging promises for tests about deadlines, through the use cases and the domain as an agent would.</summary>
public static class Promises
{
    /// <summary>A new case for Nordbygg AB registered by <paramref name="agentEmail"/>, with a call-back promise of theirs due after <paramref name="dueIn"/>.</summary>
    public static async Task<Guid> CallBackAsync(IServiceProvider services, string agentEmail, TimeSpan dueIn, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var customer = await db.Customers.Where(c => c.Name == "Nordbygg AB").Select(c => c.Id).FirstAsync(cancellationToken);
        var agent = await db.Users.Where(u => u.Email == agentEmail).Select(u => new { u.Id, u.TeamId }).FirstAsync(cancellationToken);
        var registered = await scope.ServiceProvider.GetRequiredService<RegisterCase>().HandleAsync(
            new RegisterCaseRequest(customer, null, "Call me about the invoice", null, null, Door.Phone, null), agent.Id, cancellationToken);
        var work = scope.ServiceProvider.GetRequiredService<CaseWork>();
        var @case = await work.LoadAsync(registered.Number, null, cancellationToken);
        var promise = @case.MakeCommitment(agent.Id, CommitmentKind.CallBack, null, agent.Id, agent.TeamId, work.Now + dueIn, Door.Phone, work.Now);
        await work.SaveAsync(cancellationToken);
        return promise.Id;
    }
}
