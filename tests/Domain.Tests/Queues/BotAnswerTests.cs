using Moment.Domain.Cases;
using Moment.Domain.Queues;

namespace Moment.Domain.Tests.Queues;

public sealed class BotAnswerTests
{
    private static readonly Guid Queue = Guid.NewGuid();
    private static readonly BotAnswer Invoice = BotAnswer.Of(Queue, "När kommer min faktura?", "Fakturan kommer den 25:e varje månad.");
    private static readonly BotAnswer Router = BotAnswer.Of(Queue, "Hur startar jag om routern?", "Dra ur sladden i tio sekunder.");

    [Theory]
    [InlineData("när kommer fakturan", "Fakturan kommer den 25:e varje månad.")]
    [InlineData("Hur startar man om en router?", "Dra ur sladden i tio sekunder.")]
    public void Best_AnswersTheQuestionWhoseWordsTheCustomerUsed(string message, string expected) =>
        Assert.Equal(expected, BotAnswer.Best(message, [Invoice, Router])?.Answer);

    [Theory]
    [InlineData("Jag vill klaga på en tekniker")]
    [InlineData("")]
    public void Best_WithoutACloseQuestion_AnswersNothingRatherThanSomethingWrong(string message) =>
        Assert.Null(BotAnswer.Best(message, [Invoice, Router]));

    [Fact]
    public void Of_WithoutAnAnswer_IsRefused() =>
        Assert.Equal("Answer", Assert.Throws<DomainRuleException>(() => BotAnswer.Of(Queue, "Fråga?", " ")).Field);

    [Fact]
    public void LeavingTheBot_IsTheBotHavingBeenEnough_NotAnAbandonedContact()
    {
        var queue = Domain.Queues.Queue.Create(Guid.NewGuid(), "Chatten", Skills.None);
        var contact = WaitingContact.Enter(queue, Door.Chat, "sv", "Margit", null, null, "Hej", null, null, [], withBot: true, DateTimeOffset.UnixEpoch);

        Assert.True(contact.Leave(DateTimeOffset.UnixEpoch.AddMinutes(1)));

        Assert.Equal(ContactState.EndedByBot, contact.State);
    }
}
