using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Appeals.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DeadlineIndexUnmarkedFirst : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DenialCases_Deadlines",
                table: "DenialCases");

            migrationBuilder.CreateIndex(
                name: "IX_DenialCases_Deadlines",
                table: "DenialCases",
                columns: new[] { "Status", "DeadlineMissed", "AppealDeadline" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DenialCases_Deadlines",
                table: "DenialCases");

            migrationBuilder.CreateIndex(
                name: "IX_DenialCases_Deadlines",
                table: "DenialCases",
                columns: new[] { "Status", "AppealDeadline", "DeadlineMissed" });
        }
    }
}
