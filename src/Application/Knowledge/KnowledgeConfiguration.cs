using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Moment.Application.Staff;
using Moment.Domain.Knowledge;

namespace Moment.Application.Knowledge;

internal sealed class KnowledgeArticleConfiguration : IEntityTypeConfiguration<KnowledgeArticle>
{
    public void Configure(EntityTypeBuilder<KnowledgeArticle> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(KnowledgeArticle.TitleMaxLength);
        builder.Property(a => a.Body).HasMaxLength(KnowledgeArticle.BodyMaxLength);
        builder.Property(a => a.Language).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Visibility).HasConversion<string>().HasMaxLength(16);
        builder.Ignore(a => a.IsPublic);
        // Two people saving the same article at once: the second is told, not silently overwriting the first.
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne<KnowledgeArticle>().WithMany().HasForeignKey(a => a.OriginalId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.Restrict);
        // The search index catches up on what changed since it last looked.
        builder.HasIndex(a => a.UpdatedAt);
        builder.HasIndex(a => new { a.OwnerId, a.ReviewBy });
    }
}

internal sealed class KnowledgeArticleVersionConfiguration : IEntityTypeConfiguration<KnowledgeArticleVersion>
{
    public void Configure(EntityTypeBuilder<KnowledgeArticleVersion> builder)
    {
        builder.Property(v => v.Title).HasMaxLength(KnowledgeArticle.TitleMaxLength);
        builder.Property(v => v.Body).HasMaxLength(KnowledgeArticle.BodyMaxLength);
        builder.Property(v => v.Visibility).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<KnowledgeArticle>().WithMany().HasForeignKey(v => v.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(v => v.ChangedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.ArticleId, v.Number }).IsUnique();
    }
}
