using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Moment.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class NotificationsByEvent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Notifications_CaseEventId",
                table: "Notifications",
                column: "CaseEventId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notifications_CaseEventId",
                table: "Notifications");
        }
    }
}
