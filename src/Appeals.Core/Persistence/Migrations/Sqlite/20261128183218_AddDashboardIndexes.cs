using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Appeals.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddDashboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DenialCases_Category",
                table: "DenialCases");

            migrationBuilder.DropIndex(
                name: "IX_ClaimPayments_RemittanceId",
                table: "ClaimPayments");

            migrationBuilder.CreateIndex(
                name: "IX_DenialCases_Dashboard",
                table: "DenialCases",
                columns: new[] { "Category", "DenialDate", "PayerId", "RenderingProviderId", "PrimaryReason", "Status", "DeniedAmount", "RecoveredAmount", "Avoidable", "DeadlineMissed", "FirstAppealedAt", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ClaimPayments_Dashboard",
                table: "ClaimPayments",
                columns: new[] { "RemittanceId", "StatusCode", "RenderingProviderId", "ChargeAmount" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DenialCases_Dashboard",
                table: "DenialCases");

            migrationBuilder.DropIndex(
                name: "IX_ClaimPayments_Dashboard",
                table: "ClaimPayments");

            migrationBuilder.CreateIndex(
                name: "IX_DenialCases_Category",
                table: "DenialCases",
                column: "Category");

            migrationBuilder.CreateIndex(
                name: "IX_ClaimPayments_RemittanceId",
                table: "ClaimPayments",
                column: "RemittanceId");
        }
    }
}
