namespace Moment.Application.Chat;

/// <summary>
/// Wakes this instance's push to customers as soon as a message is written in a chat here, so an agent's answer reaches
/// the customer at once; changes of the line wake it through <see cref="Queues.QueueSignal"/>.
/// </summary>
public sealed class ChatSignal : Signal;
