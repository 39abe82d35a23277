using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Moment.Data.Postgres.Migrations
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
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PbxCalls",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CallId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Direction = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    From = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    To = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CustomerNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Extension = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    AgentId = table.Column<Guid>(type: "uuid", nullable: true),
                    State = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndCause = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    LoggedOn = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
