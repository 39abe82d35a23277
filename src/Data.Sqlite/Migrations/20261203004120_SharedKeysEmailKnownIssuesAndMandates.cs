using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Moment.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SharedKeysEmailKnownIssuesAndMandates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "MessageId",
                table: "CaseEvents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AuthorityLimits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PerCase = table.Column<int>(type: "INTEGER", nullable: false),
                    PerMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    SetById = table.Column<Guid>(type: "TEXT", nullable: false),
                    SetAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuthorityLimits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AuthorityLimits_AspNetUsers_SetById",
                        column: x => x.SetById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AuthorityLimits_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EmailReceipts",
                columns: table => new
                {
                    Mailbox = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ConversationMessageId = table.Column<long>(type: "INTEGER", nullable: true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmailReceipts", x => new { x.Mailbox, x.MessageId });
                });

            migrationBuilder.CreateTable(
                name: "KnownIssues",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Product = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Symptoms = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Workaround = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ExpectedFixOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PublicWording = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RegisteredById = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FixedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KnownIssues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KnownIssues_AspNetUsers_RegisteredById",
                        column: x => x.RegisteredById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MailboxClaims",
                columns: table => new
                {
                    Mailbox = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Holder = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    HeldUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    LastPolledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailboxClaims", x => x.Mailbox);
                });

            migrationBuilder.CreateTable(
                name: "MandateUses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Amount = table.Column<int>(type: "INTEGER", nullable: false),
                    What = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    UsedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeamId = table.Column<Guid>(type: "TEXT", nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AskedId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CommitmentId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MandateUses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MandateUses_AspNetUsers_AskedId",
                        column: x => x.AskedId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MandateUses_AspNetUsers_UsedById",
                        column: x => x.UsedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MandateUses_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MandateUses_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "KnownIssueLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    KnownIssueId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LinkedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    LinkedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FixPromiseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ToldFixedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KnownIssueLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KnownIssueLinks_AspNetUsers_LinkedById",
                        column: x => x.LinkedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_KnownIssueLinks_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_KnownIssueLinks_KnownIssues_KnownIssueId",
                        column: x => x.KnownIssueId,
                        principalTable: "KnownIssues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuthorityLimits_Role_Kind",
                table: "AuthorityLimits",
                columns: new[] { "Role", "Kind" },
                unique: true,
                filter: "\"Role\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AuthorityLimits_SetById",
                table: "AuthorityLimits",
                column: "SetById");

            migrationBuilder.CreateIndex(
                name: "IX_AuthorityLimits_UserId_Kind",
                table: "AuthorityLimits",
                columns: new[] { "UserId", "Kind" },
                unique: true,
                filter: "\"UserId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_KnownIssueLinks_CaseId",
                table: "KnownIssueLinks",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_KnownIssueLinks_KnownIssueId_CaseId",
                table: "KnownIssueLinks",
                columns: new[] { "KnownIssueId", "CaseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KnownIssueLinks_LinkedById",
                table: "KnownIssueLinks",
                column: "LinkedById");

            migrationBuilder.CreateIndex(
                name: "IX_KnownIssues_RegisteredById",
                table: "KnownIssues",
                column: "RegisteredById");

            migrationBuilder.CreateIndex(
                name: "IX_KnownIssues_Status",
                table: "KnownIssues",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_MandateUses_AskedId",
                table: "MandateUses",
                column: "AskedId");

            migrationBuilder.CreateIndex(
                name: "IX_MandateUses_At",
                table: "MandateUses",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_MandateUses_CaseId",
                table: "MandateUses",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_MandateUses_TeamId",
                table: "MandateUses",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_MandateUses_UsedById_Kind_At",
                table: "MandateUses",
                columns: new[] { "UsedById", "Kind", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuthorityLimits");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "EmailReceipts");

            migrationBuilder.DropTable(
                name: "KnownIssueLinks");

            migrationBuilder.DropTable(
                name: "MailboxClaims");

            migrationBuilder.DropTable(
                name: "MandateUses");

            migrationBuilder.DropTable(
                name: "KnownIssues");

            migrationBuilder.DropColumn(
                name: "MessageId",
                table: "CaseEvents");
        }
    }
}
