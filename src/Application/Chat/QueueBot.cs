using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Application.Knowledge;
using Moment.Domain.Cases;
using Moment.Domain.Conversations;
using Moment.Domain.Knowledge;
using Moment.Domain.Queues;

namespace Moment.Application.Chat;

/// <summary>
/// The queue's bot: it answers from the team's own list of questions and answers, and when the list has no answer it
/// offers the public articles of the knowledge base that match best, in the chat's language. It never stands alone. A
/// customer who asks for a person (a button, or words such as "människa"), or whom it could not answer twice in a row,
/// joins the line at the place of their first message, and the agent sees the whole conversation. An offered article
/// counts as an answer, like a matched question.
/// </summary>
public sealed class QueueBot(AppDbContext db, SuggestArticles suggest, TimeProvider time)
{
    // The best two: a third is seldom what the customer meant, and a long bot message buries the way to a person.
    private const int ArticlesOffered = 2;

    private static readonly string[] AskingForAPerson = ["människa", "person", "agent", "handläggare", "human", "operator", "personal", "någon"];

    /// <summary>Whether the message asks for a person: one of the words, or a word that begins with one.</summary>
    public static bool AsksForAPerson(string message) =>
        message.Split([' ', ',', '.', '!', '?', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Any(word => AskingForAPerson.Any(p => word.StartsWith(p, StringComparison.OrdinalIgnoreCase)));

    /// <summary>
    /// The bot's turn after the customer's <paramref name="message"/>, written into the conversation (the caller saves).
    /// Answers whether the chat joined the line for a person.
    /// </summary>
    public async Task<bool> TakeTurnAsync(WaitingContact contact, Conversation conversation, string message, CancellationToken cancellationToken)
    {
        if (contact.State != ContactState.WithBot)
            return false;
        var now = time.GetUtcNow();
        var english = contact.Language == "en";
        if (AsksForAPerson(message))
        {
            contact.JoinLine(now);
            Say(conversation, english ? "Of course. You keep the place you have had since your first message; a person will answer here." : "Självklart. Du behåller platsen du har haft sedan ditt första meddelande; en person svarar här.", now);
            return true;
        }

        var answers = await db.BotAnswers.AsNoTracking().Where(a => a.QueueId == contact.QueueId).ToListAsync(cancellationToken);
        var answer = BotAnswer.Best(message, answers)?.Answer ?? await ArticlesAsync(message, english, cancellationToken);
        if (answer is not null)
        {
            contact.BotAnswered();
            Say(conversation, answer, now);
            Say(conversation, english ? "Did that help? If not, choose \"Talk to a person\"." : "Hjälpte det? Om inte, välj \"Prata med en person\".", now);
            return false;
        }

        if (contact.BotMissed(now))
        {
            Say(conversation, english ? "I have no good answer. I am passing you to a person; you keep your place." : "Jag har inget bra svar. Jag lämnar över till en person; du behåller din plats.", now);
            return true;
        }

        Say(conversation, english ? "I did not find an answer. Try other words, or choose \"Talk to a person\"." : "Jag hittade inget svar. Prova andra ord, eller välj \"Prata med en person\".", now);
        return false;
    }

    /// <summary>The best public articles for the message in the chat's language, as one plain-text message, or null when none matches.</summary>
    private async Task<string?> ArticlesAsync(string message, bool english, CancellationToken cancellationToken)
    {
        var hits = await suggest.HandleAsync(message, english ? ArticleLanguage.English : ArticleLanguage.Swedish, publicOnly: true, cancellationToken);
        if (hits.Count == 0)
            return null;
        var lines = hits.Take(ArticlesOffered).Select(hit => $"{hit.Title}: {hit.SnippetText} /help/{hit.Id}");
        return (english ? "This may answer your question:" : "Det här kan svara på din fråga:") + "\n" + string.Join("\n", lines);
    }

    private void Say(Conversation conversation, string text, DateTimeOffset now) =>
        db.ConversationMessages.Add(conversation.Write(ContactDirection.Outbound, null, text, null, now));
}
