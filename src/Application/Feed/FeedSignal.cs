namespace Moment.Application.Feed;

/// <summary>Wakes this instance's feed subscribers as soon as a case change is committed here, so news of it goes out at once.</summary>
public class FeedSignal : Signal;
