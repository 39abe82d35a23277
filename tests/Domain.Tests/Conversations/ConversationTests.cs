using Moment.Domain.Cases;
using Moment.Domain.Conversations;

namespace Moment.Domain.Tests.Conversations;

public sealed class ConversationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(new[] { DeliveryState.Delivered, DeliveryState.Sent }, DeliveryState.Delivered)]
    [InlineData(new[] { DeliveryState.Read, DeliveryState.Delivered }, DeliveryState.Read)]
    [InlineData(new[] { DeliveryState.Read, DeliveryState.Failed }, DeliveryState.Read)]
    [InlineData(new[] { DeliveryState.Failed, DeliveryState.Delivered }, DeliveryState.Failed)]
    [InlineData(new[] { DeliveryState.Sent, DeliveryState.Queued, DeliveryState.Received }, DeliveryState.Sent)]
    public void Delivered_ReportsInAnyOrder_NeverMoveBack(DeliveryState[] reports, DeliveryState expected)
    {
        var message = Outbound();

        foreach (var report in reports)
            message.Delivered(report, "Mailbox full");

        Assert.Equal(expected, message.Delivery);
    }

    [Fact]
    public void Delivered_Failed_KeepsTheDoorsReasonCutToFit()
    {
        var message = Outbound();

        message.Delivered(DeliveryState.Failed, "  " + new string('x', ConversationMessage.FailureMaxLength + 10));

        Assert.Equal(new string('x', ConversationMessage.FailureMaxLength), message.Failure);
    }

    [Fact]
    public void Delivered_OnAnInboundMessage_IsRefused()
    {
        var conversation = Conversation.Start(Guid.NewGuid(), Guid.NewGuid(), Door.Chat, "chat-1", Now);
        var message = conversation.Write(ContactDirection.Inbound, null, "Hello", null, Now);

        Assert.Equal(DeliveryState.Received, message.Delivery);
        Assert.Throws<ConflictException>(() => message.Delivered(DeliveryState.Read));
    }

    [Fact]
    public void Write_InAClosedConversation_IsRefused()
    {
        var conversation = Conversation.Start(Guid.NewGuid(), Guid.NewGuid(), Door.Chat, null, Now);
        conversation.Close(Now);
        conversation.Close(Now.AddMinutes(1));

        Assert.Equal(Now, conversation.ClosedAt);
        Assert.Throws<ConflictException>(() => conversation.Write(ContactDirection.Outbound, Guid.NewGuid(), "Still there?", null, Now));
    }

    private static ConversationMessage Outbound() =>
        Conversation.Start(Guid.NewGuid(), Guid.NewGuid(), Door.Email, "<thread@example.se>", Now)
            .Write(ContactDirection.Outbound, Guid.NewGuid(), "We have refunded you.", "<out@moment.test>", Now);
}
