using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Moment.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class FeedAndConversations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Count",
                table: "CaseEvents",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "CaseEvents",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            // Moment's own sentences become reasons with arguments, said in the reader's language (hand-written).
            migrationBuilder.Sql("""
                UPDATE "CaseEvents" SET "Reason" = 'HandOffs', "Count" = substring("Text" from '^Escalated after (\d+) hand-offs\.$')::int, "Text" = NULL
                WHERE "Kind" = 'Escalated' AND "Text" ~ '^Escalated after \d+ hand-offs\.$';
                UPDATE "CaseEvents" SET "Reason" = 'Declines', "Count" = substring("Text" from '^Escalated after (\d+) declined or unanswered offers\.$')::int, "Text" = NULL
                WHERE "Kind" = 'Escalated' AND "Text" ~ '^Escalated after \d+ declined or unanswered offers\.$';
                UPDATE "CaseEvents" SET "Reason" = 'RepeatContact', "Text" = NULL WHERE "Kind" = 'Reopened' AND "Text" = 'Repeat contact about the same problem.';
                UPDATE "CaseEvents" SET "Reason" = 'NotSolved', "Text" = NULL WHERE "Kind" = 'Reopened' AND "Text" = 'The customer says it is not solved.';
                """);

            // The feed hands events out below the oldest running transaction, in (transaction, id) order: PostgreSQL
            // takes identity values at insert, not at commit, so a reader can see id 10 before id 9 commits. Not in the EF
            // model (the feed reads it with SQL of its own); hand-written, see CaseEventFeed.
            migrationBuilder.Sql("""
                ALTER TABLE "CaseEvents" ADD COLUMN "TransactionId" xid8 NOT NULL DEFAULT pg_current_xact_id();
                CREATE INDEX "IX_CaseEvents_TransactionId_Id" ON "CaseEvents" ("TransactionId", "Id");
                """);

            migrationBuilder.CreateTable(
                name: "Conversations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Door = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    State = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ExternalId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    DoorData = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Conversations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Conversations_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Conversations_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FeedCheckpoints",
                columns: table => new
                {
                    Subscriber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Transaction = table.Column<long>(type: "bigint", nullable: false),
                    EventId = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Failures = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedCheckpoints", x => x.Subscriber);
                });

            migrationBuilder.CreateTable(
                name: "ConversationMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConversationId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Direction = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: true),
                    Text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Delivery = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Failure = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ExternalId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConversationMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConversationMessages_Conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "Conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MessageAttachments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MessageId = table.Column<long>(type: "bigint", nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(127)", maxLength: 127, nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    StorageKey = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MessageAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MessageAttachments_ConversationMessages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "ConversationMessages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConversationMessages_ConversationId_Id",
                table: "ConversationMessages",
                columns: new[] { "ConversationId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ConversationMessages_ExternalId",
                table: "ConversationMessages",
                column: "ExternalId");

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_CaseId_StartedAt",
                table: "Conversations",
                columns: new[] { "CaseId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_CustomerId_State",
                table: "Conversations",
                columns: new[] { "CustomerId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_Door_ExternalId",
                table: "Conversations",
                columns: new[] { "Door", "ExternalId" });

            migrationBuilder.CreateIndex(
                name: "IX_MessageAttachments_MessageId",
                table: "MessageAttachments",
                column: "MessageId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""ALTER TABLE "CaseEvents" DROP COLUMN "TransactionId";""");

            migrationBuilder.DropTable(
                name: "FeedCheckpoints");

            migrationBuilder.DropTable(
                name: "MessageAttachments");

            migrationBuilder.DropTable(
                name: "ConversationMessages");

            migrationBuilder.DropTable(
                name: "Conversations");

            migrationBuilder.DropColumn(
                name: "Count",
                table: "CaseEvents");

            migrationBuilder.DropColumn(
                name: "Reason",
                table: "CaseEvents");
        }
    }
}
