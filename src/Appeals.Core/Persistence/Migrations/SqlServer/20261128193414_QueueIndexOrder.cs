using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Appeals.Core.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class QueueIndexOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DenialCases_Queue",
                table: "DenialCases");

            migrationBuilder.CreateIndex(
                name: "IX_DenialCases_Queue",
                table: "DenialCases",
                columns: new[] { "Priority", "Id" },
                descending: new[] { true, false });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DenialCases_Queue",
                table: "DenialCases");

            migrationBuilder.CreateIndex(
                name: "IX_DenialCases_Queue",
                table: "DenialCases",
                columns: new[] { "Priority", "Id" });
        }
    }
}
