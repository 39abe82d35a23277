using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Moment.Application.Staff;
using Moment.Domain.Queues;
using Moment.Domain.Teams;

namespace Moment.Application.Queues;

internal static class SkillsColumn
{
    public static readonly ValueConverter<Skills, string> Converter = new(s => s.ToString(), text => Skills.Parse(text));

    public const int MaxLength = (Skills.SkillMaxLength + 1) * Skills.MaxSkills;
}

internal sealed class QueueConfiguration : IEntityTypeConfiguration<Queue>
{
    public void Configure(EntityTypeBuilder<Queue> builder)
    {
        builder.Property(q => q.Id).ValueGeneratedNever();
        builder.Property(q => q.Name).HasMaxLength(Queue.NameMaxLength);
        builder.Property(q => q.Skills).HasConversion(SkillsColumn.Converter).HasMaxLength(SkillsColumn.MaxLength);
        builder.Property(q => q.Routing).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(q => q.Norm);
        builder.HasOne<Team>().WithMany().HasForeignKey(q => q.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(q => q.TeamId);
    }
}

internal sealed class AgentPresenceConfiguration : IEntityTypeConfiguration<AgentPresence>
{
    public void Configure(EntityTypeBuilder<AgentPresence> builder)
    {
        builder.ToTable("AgentPresences");
        builder.HasKey(p => p.UserId);
        builder.Property(p => p.State).HasConversion<string>().HasMaxLength(10);
        builder.Property(p => p.Skills).HasConversion(SkillsColumn.Converter).HasMaxLength(SkillsColumn.MaxLength);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne<StaffUser>().WithOne().HasForeignKey<AgentPresence>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WaitingContactConfiguration : IEntityTypeConfiguration<WaitingContact>
{
    public void Configure(EntityTypeBuilder<WaitingContact> builder)
    {
        builder.ToTable("WaitingContacts");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Door).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(12);
        builder.Property(c => c.Callback).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.Needs).HasConversion(SkillsColumn.Converter).HasMaxLength(SkillsColumn.MaxLength);
        builder.Property(c => c.Language).HasMaxLength(2);
        builder.Property(c => c.CustomerName).HasMaxLength(WaitingContact.NameMaxLength);
        builder.Property(c => c.Phone).HasMaxLength(40);
        builder.Property(c => c.Email).HasMaxLength(Domain.Text.EmailMaxLength);
        builder.Property(c => c.Question).HasMaxLength(WaitingContact.QuestionMaxLength);
        builder.Property(c => c.CallbackNumber).HasMaxLength(20);
        builder.Property(c => c.CaseNumber).HasMaxLength(20);
        builder.Property(c => c.ResumeTokenHash).HasMaxLength(32);
        // Two instances routing at once: an offer saved over another's is refused, never made twice.
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne<Queue>().WithMany().HasForeignKey(c => c.QueueId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.ResumeTokenHash).IsUnique();
        // The line: open contacts of a queue in the order of their place.
        builder.HasIndex(c => new { c.QueueId, c.State, c.PlaceAt });
        builder.HasIndex(c => new { c.OfferedToId, c.State });
        builder.HasIndex(c => new { c.AnsweredById, c.State });
        builder.HasIndex(c => new { c.QueueId, c.AnsweredAt });
    }
}

internal sealed class BotAnswerConfiguration : IEntityTypeConfiguration<BotAnswer>
{
    public void Configure(EntityTypeBuilder<BotAnswer> builder)
    {
        builder.ToTable("BotAnswers");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Question).HasMaxLength(BotAnswer.QuestionMaxLength);
        builder.Property(a => a.Answer).HasMaxLength(BotAnswer.AnswerMaxLength);
        builder.HasOne<Queue>().WithMany().HasForeignKey(a => a.QueueId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.QueueId);
    }
}
