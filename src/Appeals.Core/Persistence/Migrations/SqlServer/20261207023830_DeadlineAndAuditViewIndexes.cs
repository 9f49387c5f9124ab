using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Appeals.Core.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class DeadlineAndAuditViewIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_EntityType_EntityId",
                table: "AuditEntries");

            migrationBuilder.CreateIndex(
                name: "IX_DenialCases_Deadlines",
                table: "DenialCases",
                columns: new[] { "Status", "AppealDeadline", "DeadlineMissed" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityType_EntityId_Action",
                table: "AuditEntries",
                columns: new[] { "EntityType", "EntityId", "Action" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DenialCases_Deadlines",
                table: "DenialCases");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_EntityType_EntityId_Action",
                table: "AuditEntries");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityType_EntityId",
                table: "AuditEntries",
                columns: new[] { "EntityType", "EntityId" });
        }
    }
}
