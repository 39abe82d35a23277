using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Moment.Application.ApiTokens;
using Moment.Application.Cases;
using Moment.Application.Email;
using Moment.Application.Feed;
using Moment.Application.Staff;
using Moment.Application.Views;
using Moment.Domain.Absences;
using Moment.Domain.Cases;
using Moment.Domain.Conversations;
using Moment.Domain.Phone;
using Moment.Domain.Queues;
using Moment.Domain.Customers;
using Moment.Domain.Knowledge;
using Moment.Domain.KnownIssues;
using Moment.Domain.Macros;
using Moment.Domain.Notifications;
using Moment.Domain.Mandates;
using Moment.Domain.Staffing;
using Moment.Domain.Teams;
using NpgsqlTypes;

namespace Moment.Application.Data;

/// <summary>
/// The one EF Core model of Moment, shared by every provider. Use cases use it directly (no repositories; STYLE.md).
/// Entity configurations live beside their feature and are picked up from this assembly.
/// </summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<StaffUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Team> Teams => Set<Team>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<SavedView> SavedViews => Set<SavedView>();

    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<CustomerChange> CustomerChanges => Set<CustomerChange>();

    public DbSet<StaffingDecision> StaffingDecisions => Set<StaffingDecision>();

    public DbSet<Case> Cases => Set<Case>();

    public DbSet<CaseType> CaseTypes => Set<CaseType>();

    public DbSet<HandOff> HandOffs => Set<HandOff>();

    public DbSet<Commitment> Commitments => Set<Commitment>();

    public DbSet<Absence> Absences => Set<Absence>();

    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();

    public DbSet<CaseFile> CaseFiles => Set<CaseFile>();

    public DbSet<Conversation> Conversations => Set<Conversation>();

    public DbSet<Queue> Queues => Set<Queue>();

    public DbSet<AgentPresence> AgentPresences => Set<AgentPresence>();

    public DbSet<WaitingContact> WaitingContacts => Set<WaitingContact>();

    public DbSet<BotAnswer> BotAnswers => Set<BotAnswer>();

    public DbSet<ConversationMessage> ConversationMessages => Set<ConversationMessage>();

    public DbSet<FeedCheckpoint> FeedCheckpoints => Set<FeedCheckpoint>();

    public DbSet<MailboxClaim> MailboxClaims => Set<MailboxClaim>();

    public DbSet<EmailReceipt> EmailReceipts => Set<EmailReceipt>();

    public DbSet<KnowledgeArticle> KnowledgeArticles => Set<KnowledgeArticle>();

    public DbSet<KnowledgeArticleVersion> KnowledgeArticleVersions => Set<KnowledgeArticleVersion>();

    /// <summary>The keys that sign and encrypt cookies and antiforgery tokens, shared by every instance (see <c>DataProtectionKeyConfiguration</c>).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<KnownIssue> KnownIssues => Set<KnownIssue>();

    public DbSet<Macro> Macros => Set<Macro>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<KnownIssueLink> KnownIssueLinks => Set<KnownIssueLink>();

    public DbSet<AuthorityLimit> AuthorityLimits => Set<AuthorityLimit>();

    public DbSet<MandateUse> MandateUses => Set<MandateUse>();

    public DbSet<PbxCall> PbxCalls => Set<PbxCall>();

    public DbSet<Call> Calls => Set<Call>();

    public DbSet<CallStep> CallSteps => Set<CallStep>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        if (Database.IsNpgsql())
        {
            builder.HasSequence<long>(CaseNumbers.PostgresSequence);
            // A search by part of a name is LIKE '%part%': a trigram index finds it among a million customers, a B-tree
            // only by reading them all. pg_trgm ships with PostgreSQL and is trusted: the database's owner may create it.
            builder.HasPostgresExtension("pg_trgm");
            builder.Entity<Customer>().HasIndex(c => c.SearchName).HasMethod("gin").HasOperators("gin_trgm_ops");
            // Part of a number ("0812345", "000002") is LIKE '%digits%' too, on the numbers and on the case numbers.
            // Indexes of their own, beside the B-trees that find a whole number (and keep case numbers unique).
            builder.Entity<Customer>().OwnsMany(c => c.PhoneNumbers).HasIndex(p => p.E164, "IX_CustomerPhoneNumbers_E164_Trigram").HasMethod("gin").HasOperators("gin_trgm_ops");
            builder.Entity<Case>().HasIndex(c => c.Number, "IX_Cases_Number_Trigram").HasMethod("gin").HasOperators("gin_trgm_ops");
            // Two letters have no trigram: such a search reads the names in order until it has 50, from the index alone.
            builder.Entity<Customer>().HasIndex(c => c.Name).IncludeProperties(c => new { c.SearchName, c.Id });
            // The words of a case's subject and description, for SearchCases: stored, so that a search that reads cases
            // newest first tests each without parsing its text again, and GIN-indexed for the rare words (decision 0009).
            builder.Entity<Case>().Property<NpgsqlTsVector>(SearchCases.SearchVector)
                .HasComputedColumnSql("""to_tsvector('simple'::regconfig, coalesce("Subject", '') || ' ' || coalesce("Description", ''))""", stored: true);
            builder.Entity<Case>().HasIndex(SearchCases.SearchVector).HasMethod("gin");
        }
        else
        {
            builder.HasDbFunction(typeof(SearchCases).GetMethod(nameof(SearchCases.Fold))!).HasName(SearchCases.FoldFunction);
            builder.Entity<CaseNumberCounter>().HasData(new CaseNumberCounter { Id = 1, Next = 0 });
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date-time type: as UTC ticks, instants compare and sort in SQL.
        // PostgreSQL keeps its native timestamptz. All instants in Moment are UTC (TimeProvider.GetUtcNow).
        if (Database.IsSqlite())
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }
}
