using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Appeals.Core.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PayerContractsCaseKindTakeBacks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "DenialCases",
                type: "nvarchar(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "denial");

            migrationBuilder.AddColumn<decimal>(
                name: "ShortfallAmount",
                table: "DenialCases",
                type: "decimal(18,2)",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PayerContracts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PayerIdentifier = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false),
                    ProcedureCode = table.Column<string>(type: "nvarchar(48)", maxLength: 48, nullable: false),
                    Modifier = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false),
                    AllowedAmount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    EffectiveTo = table.Column<DateOnly>(type: "date", nullable: true),
                    ImportedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PayerContracts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TakeBacks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProviderAdjustmentId = table.Column<long>(type: "bigint", nullable: false),
                    RemittanceId = table.Column<long>(type: "bigint", nullable: false),
                    PayerId = table.Column<long>(type: "bigint", nullable: false),
                    ReasonCode = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false),
                    Reference = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    TakenOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ClaimPaymentId = table.Column<long>(type: "bigint", nullable: true),
                    DenialCaseId = table.Column<long>(type: "bigint", nullable: true),
                    Link = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    RecoveredAfterAppeal = table.Column<bool>(type: "bit", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TakeBacks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TakeBacks_Payers_PayerId",
                        column: x => x.PayerId,
                        principalTable: "Payers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TakeBacks_ProviderAdjustments_ProviderAdjustmentId",
                        column: x => x.ProviderAdjustmentId,
                        principalTable: "ProviderAdjustments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DenialCases_Kind_DenialDate_PayerId",
                table: "DenialCases",
                columns: new[] { "Kind", "DenialDate", "PayerId" });

            migrationBuilder.CreateIndex(
                name: "IX_PayerContracts_PayerIdentifier_ProcedureCode_Modifier_EffectiveFrom",
                table: "PayerContracts",
                columns: new[] { "PayerIdentifier", "ProcedureCode", "Modifier", "EffectiveFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TakeBacks_ClaimPaymentId",
                table: "TakeBacks",
                column: "ClaimPaymentId");

            migrationBuilder.CreateIndex(
                name: "IX_TakeBacks_DenialCaseId",
                table: "TakeBacks",
                column: "DenialCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_TakeBacks_PayerId_TakenOn",
                table: "TakeBacks",
                columns: new[] { "PayerId", "TakenOn" });

            migrationBuilder.CreateIndex(
                name: "IX_TakeBacks_ProviderAdjustmentId",
                table: "TakeBacks",
                column: "ProviderAdjustmentId",
                unique: true);

            // Underpayment cases are not denials: the rollups' triggers leave them out from now on (ADR 0100), as frozen SQL
            // (ADR 0123). Keep this call in any migration that replaces this one: the model alone does not create triggers.
            foreach (var statement in Appeals.Core.Persistence.MigrationSql.MigrationSqlScripts.RecreateRollupTriggersV2(Appeals.Core.Persistence.DatabaseProvider.SqlServer))
                migrationBuilder.Sql(statement);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PayerContracts");

            migrationBuilder.DropTable(
                name: "TakeBacks");

            migrationBuilder.DropIndex(
                name: "IX_DenialCases_Kind_DenialDate_PayerId",
                table: "DenialCases");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "DenialCases");

            migrationBuilder.DropColumn(
                name: "ShortfallAmount",
                table: "DenialCases");
        }
    }
}
