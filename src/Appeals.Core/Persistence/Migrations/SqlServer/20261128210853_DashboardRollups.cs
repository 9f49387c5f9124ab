using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Appeals.Core.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class DashboardRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DenialCases_Dashboard",
                table: "DenialCases");

            migrationBuilder.CreateTable(
                name: "ClaimRemittanceRollups",
                columns: table => new
                {
                    RemittanceId = table.Column<long>(type: "bigint", nullable: false),
                    Claims = table.Column<long>(type: "bigint", nullable: false),
                    ChargeCents = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClaimRemittanceRollups", x => x.RemittanceId);
                });

            migrationBuilder.CreateTable(
                name: "DenialDayRollups",
                columns: table => new
                {
                    DenialDate = table.Column<DateOnly>(type: "date", nullable: false),
                    PayerId = table.Column<long>(type: "bigint", nullable: false),
                    Category = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Cases = table.Column<long>(type: "bigint", nullable: false),
                    DeniedCents = table.Column<long>(type: "bigint", nullable: false),
                    AvoidableCases = table.Column<long>(type: "bigint", nullable: false),
                    AvoidableCents = table.Column<long>(type: "bigint", nullable: false),
                    ResolvedCases = table.Column<long>(type: "bigint", nullable: false),
                    RecoveredCents = table.Column<long>(type: "bigint", nullable: false),
                    WrittenOffCents = table.Column<long>(type: "bigint", nullable: false),
                    AppealedCases = table.Column<long>(type: "bigint", nullable: false),
                    AppealSeconds = table.Column<long>(type: "bigint", nullable: false),
                    AppealsDecided = table.Column<long>(type: "bigint", nullable: false),
                    AppealsOverturned = table.Column<long>(type: "bigint", nullable: false),
                    DecidedDeniedCents = table.Column<long>(type: "bigint", nullable: false),
                    DecidedRecoveredCents = table.Column<long>(type: "bigint", nullable: false),
                    DeadlinesMissed = table.Column<long>(type: "bigint", nullable: false),
                    TimedResolutions = table.Column<long>(type: "bigint", nullable: false),
                    ResolutionSeconds = table.Column<long>(type: "bigint", nullable: false),
                    OpenCases = table.Column<long>(type: "bigint", nullable: false),
                    OpenDeniedCents = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DenialDayRollups", x => new { x.DenialDate, x.PayerId, x.Category });
                });

            migrationBuilder.CreateTable(
                name: "DenialReasonDayRollups",
                columns: table => new
                {
                    DenialDate = table.Column<DateOnly>(type: "date", nullable: false),
                    PayerId = table.Column<long>(type: "bigint", nullable: false),
                    Category = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    PrimaryReason = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    Cases = table.Column<long>(type: "bigint", nullable: false),
                    DeniedCents = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DenialReasonDayRollups", x => new { x.DenialDate, x.PayerId, x.Category, x.PrimaryReason });
                });

            migrationBuilder.CreateIndex(
                name: "IX_DenialCases_Dashboard",
                table: "DenialCases",
                columns: new[] { "RenderingProviderId", "DenialDate", "PayerId", "Category", "PrimaryReason", "Status", "DeniedAmount", "RecoveredAmount", "Avoidable", "DeadlineMissed", "FirstAppealedAt", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DenialReasonDayRollups_Chart",
                table: "DenialReasonDayRollups",
                columns: new[] { "Category", "PrimaryReason", "DenialDate", "PayerId", "Cases", "DeniedCents" });

            // The triggers that keep the rollups, and a backfill from existing rows (ADR 0052). Keep this
            // call in any migration that replaces this one: the model alone does not create triggers.
            foreach (var statement in Appeals.Core.Rollups.RollupTriggers.Create(Appeals.Core.Persistence.DatabaseProvider.SqlServer))
                migrationBuilder.Sql(statement);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in Appeals.Core.Rollups.RollupTriggers.Drop(Appeals.Core.Persistence.DatabaseProvider.SqlServer))
                migrationBuilder.Sql(statement);

            migrationBuilder.DropTable(
                name: "ClaimRemittanceRollups");

            migrationBuilder.DropTable(
                name: "DenialDayRollups");

            migrationBuilder.DropTable(
                name: "DenialReasonDayRollups");

            migrationBuilder.DropIndex(
                name: "IX_DenialCases_Dashboard",
                table: "DenialCases");

            migrationBuilder.CreateIndex(
                name: "IX_DenialCases_Dashboard",
                table: "DenialCases",
                columns: new[] { "Category", "DenialDate", "PayerId", "RenderingProviderId", "PrimaryReason", "Status", "DeniedAmount", "RecoveredAmount", "Avoidable", "DeadlineMissed", "FirstAppealedAt", "ClosedAt" });
        }
    }
}
