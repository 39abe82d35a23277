using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Moment.Data.Postgres.Migrations
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
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "NextAttemptAt",
                table: "ConversationMessages",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SendingBy",
                table: "ConversationMessages",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SendingUntil",
                table: "ConversationMessages",
                type: "timestamp with time zone",
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
