using Moment.Application.Email;

namespace Moment.Application.Tests.Email;

/// <summary>Quoted history as the common mail clients write it is folded away for display, and kept whole.</summary>
public sealed class MailReadingTests
{
    [Theory]
    [InlineData("Tack, nu fungerar det.\n\nDen mån 23 nov. 2026 kl 10:00 skrev Moment <kundservice@moment.test>:\n> Prova att starta om routern.", "Den mån 23 nov. 2026")]
    [InlineData("Thanks, it works now.\n\nOn Mon, 23 Nov 2026 at 10:00, Moment <kundservice@moment.test> wrote:\n> Try restarting the router.", "On Mon")]
    [InlineData("Thanks.\n\nOn Mon, 23 Nov 2026 at 10:00, Moment <\nkundservice@moment.test> wrote:\n> Try restarting.", "On Mon")]
    [InlineData("Tack!\n\n-----Ursprungligt meddelande-----\nFrån: Moment\nSkickat: den 23 november 2026 10:00\nÄmne: Routern", "-----Ursprungligt")]
    [InlineData("Thanks!\n\n________________________________\nFrom: Moment <kundservice@moment.test>\nSent: Monday, 23 November 2026 10:00\nTo: Anna\nSubject: Router", "From: Moment")]
    [InlineData("Yes.\n\n> Did it help?\n> Moment", "> Did it help?")]
    public void SplitQuoted_AQuotedReply_KeepsTheCustomersWordsAndTheQuoteApart(string text, string quoteStart)
    {
        var (said, quoted) = MailReading.SplitQuoted(text);

        Assert.DoesNotContain(quoteStart, said, StringComparison.Ordinal);
        Assert.NotNull(quoted);
        Assert.StartsWith(quoteStart, quoted, StringComparison.Ordinal);
        Assert.Equal(text.Length, text.IndexOf(quoted, StringComparison.Ordinal) + quoted.Length);
    }

    [Theory]
    [InlineData("Hej! Routern blinkar rött.\nVad ska jag göra?")]
    [InlineData("> Only a quote, nothing else.")]
    [InlineData("Jag skrev: > 5 gånger\nsvarar ingen.")]
    public void SplitQuoted_NoHistoryOrOnlyAQuote_ShowsTheWholeText(string text)
    {
        Assert.Equal((text, (string?)null), MailReading.SplitQuoted(text));
    }
}
