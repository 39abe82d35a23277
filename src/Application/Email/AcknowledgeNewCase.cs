using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Application.Staff;
using Moment.Domain.Cases;
using Moment.Domain.Customers;

namespace Moment.Application.Email;

/// <summary>
/// A customer whose email opened a new case is told at once that it arrived: the case number (in the subject, too), who
/// has it ("we" while it is offered to the team for one of them to take, else the owner by first name), when to expect an
/// answer, and that their page (the link under the text) and a reply to this message both reach the case. It is an
/// outbound message in the case's email thread, written in the transaction that opens the case, so it threads in the
/// customer's mail client and leaves through the outbox (retried, claimed, sent once); a message that is not stored (a
/// duplicate) is never acknowledged. Only <see cref="ReceiveEmail"/> calls it, and only for a new
/// case: noise, bounces, duplicates, a sender over the limit and a message on an existing case never get here. In
/// Swedish or English: the customer's language on record, else the language they wrote in (<see cref="LanguageOf"/>).
/// </summary>
public sealed partial class AcknowledgeNewCase(AppDbContext db, EmailSettings settings, StaffCards staff, TimeProvider time)
{
    private static readonly HashSet<string> SwedishWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "hej", "och", "jag", "inte", "det", "som", "har", "min", "mitt", "mina", "med", "att", "kan", "vill", "tack", "hälsningar",
        "är", "en", "ett", "på", "för", "om", "vi", "ni", "du", "fakturan", "varför", "hur", "när", "mvh",
    };

    private static readonly HashSet<string> EnglishWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "hello", "hi", "dear", "the", "and", "is", "my", "not", "with", "have", "has", "can", "would", "please", "thanks", "thank",
        "you", "regards", "why", "how", "when", "what", "it", "of", "to", "an", "this", "your", "was",
    };

    /// <summary>
    /// Writes the acknowledgement of the case that <paramref name="conversationId"/> opened, unless the mailbox does not
    /// acknowledge or the sender is a mailbox of Moment's own (two doors of Moment's must never answer each other).
    /// </summary>
    public async Task<long?> HandleAsync(MailboxSettings mailbox, Guid conversationId, string? sender, string subject, string text, CancellationToken cancellationToken)
    {
        if (!mailbox.Acknowledge || sender is null || settings.MailboxOf(sender) is not null)
            return null;
        var conversation = await db.Conversations.AsNoTracking().FirstAsync(c => c.Id == conversationId, cancellationToken);
        var @case = await db.Cases.AsNoTracking().Where(c => c.Id == conversation.CaseId)
            .Select(c => new { c.Number, c.OwnerId, OfferedToTeam = db.HandOffs.Any(h => h.CaseId == c.Id && h.State == HandOffState.Pending && h.ToTeamId != null) })
            .FirstAsync(cancellationToken);
        // While the case waits for one of the team to take it, the lead who owns it is not the person who has it: "we" do.
        var owner = !@case.OfferedToTeam && await staff.FindAsync(@case.OwnerId, cancellationToken) is { } card && !string.IsNullOrWhiteSpace(card.DisplayName)
            ? StaffUser.FirstNameOf(card.DisplayName)
            : null;
        var recorded = await db.Customers.Where(c => c.Id == conversation.CustomerId).Select(c => c.Language).FirstOrDefaultAsync(cancellationToken);
        var words = Text(recorded ?? LanguageOf($"{subject}\n{text}"), @case.Number, owner, mailbox.AnswerWithin);
        var message = conversation.Write(ContactDirection.Outbound, null, words, null, time.GetUtcNow());
        db.ConversationMessages.Add(message);
        await db.SaveChangesAsync(cancellationToken);
        return message.Id;
    }

    /// <summary>
    /// The language to answer in when the customer's record keeps none: the one they wrote in (<see cref="WrittenIn"/>),
    /// and with nothing to go by Swedish, the language of most of Moment's customers.
    /// </summary>
    public static CustomerLanguage LanguageOf(string text) => WrittenIn(text) ?? CustomerLanguage.Swedish;

    /// <summary>
    /// The language a text reads as: å, ä or ö, or at least as many common Swedish words as English ones, is Swedish;
    /// more English words is English; null when it has no letter of Swedish's own and none of the common words.
    /// </summary>
    public static CustomerLanguage? WrittenIn(string text)
    {
        if (text.AsSpan().IndexOfAny("åäöÅÄÖ") >= 0)
            return CustomerLanguage.Swedish;
        int swedish = 0, english = 0;
        foreach (Match word in Word().Matches(text))
        {
            if (SwedishWords.Contains(word.Value))
                swedish++;
            if (EnglishWords.Contains(word.Value))
                english++;
        }

        return swedish == 0 && english == 0 ? null : english > swedish ? CustomerLanguage.English : CustomerLanguage.Swedish;
    }

    /// <summary>The acknowledgement's text; the outbox adds the case number and the customer's page link under it.</summary>
    public static string Text(CustomerLanguage language, string caseNumber, string? owner, TimeSpan answerWithin) => language switch
    {
        CustomerLanguage.Swedish => $"""
            Hej!

            Tack för ditt mejl. Vi har fått det, och det är nu ärende {caseNumber}.

            {(owner is null ? "Vi" : owner)} tittar på det och svarar dig {Within(language, answerWithin)}. Vill du lägga till något kan du svara på det här
            mejlet, så hamnar det i samma ärende. Du kan också följa ärendet på din sida (länken nedan).
            """,
        CustomerLanguage.English => $"""
            Hello,

            Thank you for your email. We have received it, and it is now case {caseNumber}.

            {(owner is null ? "We will look" : $"{owner} will look")} into it and answer you {Within(language, answerWithin)}. If you want to add something, just reply to
            this email and it will reach the same case. You can also follow the case on your page (the link below).
            """,
    };

    /// <summary>When to expect an answer, in words: "within a working day", "within 4 hours".</summary>
    public static string Within(CustomerLanguage language, TimeSpan span)
    {
        var swedish = language == CustomerLanguage.Swedish;
        string Count(int n, string one, string many) => n == 1 ? one : $"{n.ToString(CultureInfo.InvariantCulture)} {many}";
        if (span >= TimeSpan.FromDays(1))
        {
            var days = (int)Math.Round(span.TotalDays);
            return swedish ? $"inom {Count(days, "en arbetsdag", "arbetsdagar")}" : $"within {Count(days, "a working day", "working days")}";
        }

        if (span >= TimeSpan.FromHours(1))
        {
            var hours = (int)Math.Round(span.TotalHours);
            return swedish ? $"inom {Count(hours, "en timme", "timmar")}" : $"within {Count(hours, "an hour", "hours")}";
        }

        var minutes = Math.Max(1, (int)Math.Round(span.TotalMinutes));
        return swedish ? $"inom {Count(minutes, "en minut", "minuter")}" : $"within {Count(minutes, "a minute", "minutes")}";
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();
}
