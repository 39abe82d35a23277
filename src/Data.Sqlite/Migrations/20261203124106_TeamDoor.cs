using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Moment.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TeamDoor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Door",
                table: "Teams",
                type: "TEXT",
                maxLength: 10,
                nullable: false,
                // Teams from before: the phone, as every case started there until the team says otherwise.
                defaultValue: "Phone");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Door",
                table: "Teams");
        }
    }
}
