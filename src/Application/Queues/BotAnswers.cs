using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Application.Staff;
using Moment.Domain;
using Moment.Domain.Queues;

namespace Moment.Application.Queues;

public sealed record BotAnswerView(string Question, string Answer);

/// <summary>
/// A queue's list of questions and answers for its bot, written by the team: read by staff, replaced whole by a lead of
/// the queue's team (or a manager or an administrator). At most <see cref="MaxAnswers"/>: a short list a team can keep true.
/// </summary>
public sealed class BotAnswers(AppDbContext db)
{
    public const int MaxAnswers = 50;

    public async Task<IReadOnlyList<BotAnswerView>> ListAsync(Guid queueId, CancellationToken cancellationToken = default)
    {
        await RequireQueueAsync(queueId, cancellationToken);
        return await db.BotAnswers.AsNoTracking().Where(a => a.QueueId == queueId).OrderBy(a => a.Id)
            .Select(a => new BotAnswerView(a.Question, a.Answer)).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<BotAnswerView>> ReplaceAsync(Guid queueId, IReadOnlyList<BotAnswerView>? answers, Actor actor, CancellationToken cancellationToken = default)
    {
        var teamId = await RequireQueueAsync(queueId, cancellationToken);
        if (!actor.Leads(teamId))
            throw new ForbiddenException("Only a lead of the queue's team writes its bot's answers.");
        answers ??= [];
        if (answers.Count > MaxAnswers)
            throw new DomainRuleException("At most {0} questions and answers.", "Answers", MaxAnswers);
        // Built before anything is removed: one bad pair refuses the whole list and leaves the old one as it was.
        var replacement = answers.Select(a => BotAnswer.Of(queueId, a.Question, a.Answer)).ToList();
        db.BotAnswers.RemoveRange(await db.BotAnswers.Where(a => a.QueueId == queueId).ToListAsync(cancellationToken));
        db.BotAnswers.AddRange(replacement);
        await db.SaveChangesAsync(cancellationToken);
        return [.. replacement.Select(a => new BotAnswerView(a.Question, a.Answer))];
    }

    private async Task<Guid> RequireQueueAsync(Guid queueId, CancellationToken cancellationToken) =>
        await db.Queues.AsNoTracking().Where(q => q.Id == queueId).Select(q => (Guid?)q.TeamId).FirstOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("There is no such queue.");
}
