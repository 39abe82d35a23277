using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Moment.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class OwnerFirstCustomerPageTeamDoorAndNumberSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "OwnerFirstId",
                table: "WaitingContacts",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Door",
                table: "Teams",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                // Teams from before: the phone, as every case started there until the team says otherwise.
                defaultValue: "Phone");

            migrationBuilder.CreateTable(
                name: "CustomerChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    From = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    To = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ById = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CustomerChanges_AspNetUsers_ById",
                        column: x => x.ById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CustomerChanges_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerPhoneNumbers_E164_Trigram",
                table: "CustomerPhoneNumbers",
                column: "E164")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Number_Trigram",
                table: "Cases",
                column: "Number")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerChanges_ById",
                table: "CustomerChanges",
                column: "ById");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerChanges_CustomerId_At",
                table: "CustomerChanges",
                columns: new[] { "CustomerId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CustomerChanges");

            migrationBuilder.DropIndex(
                name: "IX_CustomerPhoneNumbers_E164_Trigram",
                table: "CustomerPhoneNumbers");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Number_Trigram",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "OwnerFirstId",
                table: "WaitingContacts");

            migrationBuilder.DropColumn(
                name: "Door",
                table: "Teams");
        }
    }
}
