namespace Moment.Domain.Queues;

/// <summary>
/// One of the short list of questions and answers a team writes for its queue's bot. The bot answers first, never alone:
/// a person is always one step away (the knowledge base will replace this list).
/// </summary>
public sealed class BotAnswer
{
    public const int QuestionMaxLength = 300;

    public const int AnswerMaxLength = 2000;

    private BotAnswer()
    {
    }

    public Guid Id { get; private set; }

    public Guid QueueId { get; private set; }

    public string Question { get; private set; } = "";

    public string Answer { get; private set; } = "";

    public static BotAnswer Of(Guid queueId, string? question, string? answer) => new()
    {
        Id = Guid.CreateVersion7(),
        QueueId = queueId,
        Question = Text.Required(question, "Question", QuestionMaxLength),
        Answer = Text.Required(answer, "Answer", AnswerMaxLength),
    };

    /// <summary>
    /// The answer whose question shares most of its words with the customer's message: at least half of the question's
    /// words of three letters or more, a word matching when one begins with the other ("fakturan" and "faktura"). None
    /// when no question comes close enough: a wrong answer is worse than "I do not know", which hands over to a person.
    /// </summary>
    public static BotAnswer? Best(string message, IEnumerable<BotAnswer> answers)
    {
        var said = Words(message);
        BotAnswer? best = null;
        var bestScore = 0.0;
        foreach (var answer in answers)
        {
            var asked = Words(answer.Question);
            if (asked.Count == 0)
                continue;
            var score = (double)asked.Count(a => said.Any(s => s.StartsWith(a[..Math.Min(a.Length, 5)], StringComparison.Ordinal))) / asked.Count;
            if (score > bestScore)
                (best, bestScore) = (answer, score);
        }

        return bestScore >= 0.5 ? best : null;
    }

    private static readonly char[] NotALetter = [' ', ',', '.', '!', '?', ';', ':', '\n', '\r', '\t', '"', '\'', '(', ')', '-', '/'];

    private static List<string> Words(string text) =>
        [.. text.ToLowerInvariant().Split(NotALetter, StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= 3).Distinct()];
}
