using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Moment.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PromisesAndCover : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Calendar",
                table: "Teams",
                type: "TEXT",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "RegularContactId",
                table: "Customers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CoveringForId",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CommitmentId",
                table: "CaseEvents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CoveringForId",
                table: "CaseEvents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Absences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StandInId = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<long>(type: "INTEGER", nullable: false),
                    To = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Absences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Absences_AspNetUsers_StandInId",
                        column: x => x.StandInId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Absences_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Commitments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    What = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    MadeById = table.Column<Guid>(type: "TEXT", nullable: true),
                    KeeperId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeamId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    MadeAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Deadline = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    KeptAt = table.Column<long>(type: "INTEGER", nullable: true),
                    KeptById = table.Column<Guid>(type: "TEXT", nullable: true),
                    KeptHow = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    KeptLate = table.Column<bool>(type: "INTEGER", nullable: false),
                    BrokenAt = table.Column<long>(type: "INTEGER", nullable: true),
                    WithdrawnAt = table.Column<long>(type: "INTEGER", nullable: true),
                    WithdrawnReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CoveringForId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Commitments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Commitments_AspNetUsers_KeeperId",
                        column: x => x.KeeperId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Commitments_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_RegularContactId",
                table: "Customers",
                column: "RegularContactId");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_CoveringForId",
                table: "Cases",
                column: "CoveringForId");

            migrationBuilder.CreateIndex(
                name: "IX_Absences_StandInId_State",
                table: "Absences",
                columns: new[] { "StandInId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Absences_State_From",
                table: "Absences",
                columns: new[] { "State", "From" });

            migrationBuilder.CreateIndex(
                name: "IX_Absences_UserId_State",
                table: "Absences",
                columns: new[] { "UserId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_CaseId",
                table: "Commitments",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_KeeperId_State_Deadline",
                table: "Commitments",
                columns: new[] { "KeeperId", "State", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_State_Deadline",
                table: "Commitments",
                columns: new[] { "State", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_TeamId_State",
                table: "Commitments",
                columns: new[] { "TeamId", "State" });

            migrationBuilder.AddForeignKey(
                name: "FK_Customers_AspNetUsers_RegularContactId",
                table: "Customers",
                column: "RegularContactId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Customers_AspNetUsers_RegularContactId",
                table: "Customers");

            migrationBuilder.DropTable(
                name: "Absences");

            migrationBuilder.DropTable(
                name: "Commitments");

            migrationBuilder.DropIndex(
                name: "IX_Customers_RegularContactId",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Cases_CoveringForId",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "Calendar",
                table: "Teams");

            migrationBuilder.DropColumn(
                name: "RegularContactId",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "CoveringForId",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "CommitmentId",
                table: "CaseEvents");

            migrationBuilder.DropColumn(
                name: "CoveringForId",
                table: "CaseEvents");
        }
    }
}
