using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Moment.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OutboxRetryAndClaim : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Attempts",
                table: "ConversationMessages",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "NextAttemptAt",
                table: "ConversationMessages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SendingBy",
                table: "ConversationMessages",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SendingUntil",
                table: "ConversationMessages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConversationMessages_Delivery_NextAttemptAt",
                table: "ConversationMessages",
                columns: new[] { "Delivery", "NextAttemptAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ConversationMessages_Delivery_NextAttemptAt",
                table: "ConversationMessages");

            migrationBuilder.DropColumn(
                name: "Attempts",
                table: "ConversationMessages");

            migrationBuilder.DropColumn(
                name: "NextAttemptAt",
                table: "ConversationMessages");

            migrationBuilder.DropColumn(
                name: "SendingBy",
                table: "ConversationMessages");

            migrationBuilder.DropColumn(
                name: "SendingUntil",
                table: "ConversationMessages");
        }
    }
}
