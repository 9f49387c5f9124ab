using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Appeals.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MatchKeyIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_DenialCases_PatientControlNumber_ServiceDate",
                table: "DenialCases",
                columns: new[] { "PatientControlNumber", "ServiceDate" });

            migrationBuilder.CreateIndex(
                name: "IX_DenialCases_PayerClaimControlNumber",
                table: "DenialCases",
                column: "PayerClaimControlNumber");

            migrationBuilder.CreateIndex(
                name: "IX_ClaimPayments_OriginalReferenceNumber",
                table: "ClaimPayments",
                column: "OriginalReferenceNumber");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DenialCases_PatientControlNumber_ServiceDate",
                table: "DenialCases");

            migrationBuilder.DropIndex(
                name: "IX_DenialCases_PayerClaimControlNumber",
                table: "DenialCases");

            migrationBuilder.DropIndex(
                name: "IX_ClaimPayments_OriginalReferenceNumber",
                table: "ClaimPayments");
        }
    }
}
