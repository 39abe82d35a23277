using Moment.Domain.Cases;
using Moment.Domain.Conversations;

namespace Moment.Web.Features.Conversations;

/// <summary>The English words (resource keys) for conversations and their messages.</summary>
internal static class ConversationTexts
{
    public static string State(ConversationState state) => state switch
    {
        ConversationState.Open => "Ongoing",
        ConversationState.Closed => "Ended",
    };

    public static string Delivery(DeliveryState state) => state switch
    {
        DeliveryState.Received => "Received",
        DeliveryState.Queued => "Queued",
        DeliveryState.Sent => "Sent",
        DeliveryState.Delivered => "Delivered",
        DeliveryState.Read => "Read by the customer",
        DeliveryState.Failed => "Not delivered",
    };

    /// <summary>Who wrote a message no member of staff wrote: the customer's own come in, Moment's own go out.</summary>
    public static string AuthorWithoutStaff(ContactDirection direction) => direction switch
    {
        ContactDirection.Inbound => "Customer",
        ContactDirection.Outbound => "Moment (automatic)",
    };
}
