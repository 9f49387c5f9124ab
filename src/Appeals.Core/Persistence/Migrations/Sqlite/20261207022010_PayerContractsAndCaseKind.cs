using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Appeals.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PayerContractsAndCaseKind : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "DenialCases",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "denial");

            migrationBuilder.AddColumn<decimal>(
                name: "ShortfallAmount",
                table: "DenialCases",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PayerContracts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PayerIdentifier = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    ProcedureCode = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    Modifier = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    AllowedAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EffectiveTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ImportedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PayerContracts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PayerContracts_PayerIdentifier_ProcedureCode_Modifier_EffectiveFrom",
                table: "PayerContracts",
                columns: new[] { "PayerIdentifier", "ProcedureCode", "Modifier", "EffectiveFrom" },
                unique: true);

            // Underpayment cases are not denials: the rollups' triggers leave them out from now on (ADR 0100). Keep this
            // call in any migration that replaces this one: the model alone does not create triggers.
            foreach (var statement in Appeals.Core.Rollups.RollupTriggers.Recreate(Appeals.Core.Persistence.DatabaseProvider.Sqlite))
                migrationBuilder.Sql(statement);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PayerContracts");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "DenialCases");

            migrationBuilder.DropColumn(
                name: "ShortfallAmount",
                table: "DenialCases");
        }
    }
}
