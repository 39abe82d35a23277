using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Moment.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class NumberSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CustomerPhoneNumbers_E164_Trigram",
                table: "CustomerPhoneNumbers");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Number_Trigram",
                table: "Cases");
        }
    }
}
