using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Moment.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PbxCalls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Extension",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PbxCalls",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CallId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CustomerNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Extension = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    AgentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndCause = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LoggedOn = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PbxCalls", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PbxCalls_AspNetUsers_AgentId",
                        column: x => x.AgentId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_Extension",
                table: "AspNetUsers",
                column: "Extension",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PbxCalls_AgentId_StartedAt",
                table: "PbxCalls",
                columns: new[] { "AgentId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PbxCalls_CallId",
                table: "PbxCalls",
                column: "CallId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PbxCalls");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_Extension",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "Extension",
                table: "AspNetUsers");
        }
    }
}
