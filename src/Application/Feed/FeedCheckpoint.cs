using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Moment.Application.Feed;

/// <summary>
/// How far one subscriber of the feed has got: the last case event it handled. Each subscriber has its own, so one that
/// fails is retried from where it stopped and never holds the others back. On PostgreSQL the position is the pair
/// (transaction, event id) in which the feed hands events out (see <c>CaseEventFeed</c>); on SQLite the transaction is 0.
/// </summary>
public sealed class FeedCheckpoint
{
    public const int SubscriberMaxLength = 100;

    public const int ErrorMaxLength = 2000;

    public string Subscriber { get; set; } = "";

    public long Transaction { get; set; }

    public long EventId { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>How many times in a row the subscriber has failed on the event after the checkpoint; 0 when it is well.</summary>
    public int Failures { get; set; }

    public string? LastError { get; set; }
}

internal sealed class FeedCheckpointConfiguration : IEntityTypeConfiguration<FeedCheckpoint>
{
    public void Configure(EntityTypeBuilder<FeedCheckpoint> builder)
    {
        builder.HasKey(c => c.Subscriber);
        builder.Property(c => c.Subscriber).HasMaxLength(FeedCheckpoint.SubscriberMaxLength);
        builder.Property(c => c.LastError).HasMaxLength(FeedCheckpoint.ErrorMaxLength);
    }
}
