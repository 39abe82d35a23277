using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Moment.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DefectFixes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OffererKeeps",
                table: "HandOffs",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            // A kept promise used to show the customer how it was kept, often a contact's internal summary: the customer
            // reads the promise's own words now (how it was kept stays on the promise, for staff).
            migrationBuilder.Sql("""
                UPDATE "CaseEvents" SET "Text" = (SELECT "What" FROM "Commitments" WHERE "Commitments"."Id" = "CaseEvents"."CommitmentId")
                WHERE "Kind" IN ('CommitmentKept', 'CommitmentKeptLate') AND "CommitmentId" IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "OffererKeeps",
                table: "HandOffs");
        }
    }
}
