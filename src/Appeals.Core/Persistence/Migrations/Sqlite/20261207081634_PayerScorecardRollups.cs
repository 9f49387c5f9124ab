using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Appeals.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PayerScorecardRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "Level1Decided",
                table: "DenialDayRollups",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "Level1Overturned",
                table: "DenialDayRollups",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "Level2Decided",
                table: "DenialDayRollups",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "Level2Overturned",
                table: "DenialDayRollups",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "Level3Decided",
                table: "DenialDayRollups",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "Level3Overturned",
                table: "DenialDayRollups",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "Level4Decided",
                table: "DenialDayRollups",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "Level4Overturned",
                table: "DenialDayRollups",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "Level5Decided",
                table: "DenialDayRollups",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "Level5Overturned",
                table: "DenialDayRollups",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "RecoveredResolutions",
                table: "DenialDayRollups",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "RecoverySeconds",
                table: "DenialDayRollups",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "PaidDatedClaims",
                table: "ClaimRemittanceRollups",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "PaidServiceDays",
                table: "ClaimRemittanceRollups",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "UnderpaymentDayRollups",
                columns: table => new
                {
                    DenialDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PayerId = table.Column<long>(type: "INTEGER", nullable: false),
                    Cases = table.Column<long>(type: "INTEGER", nullable: false),
                    ShortfallCents = table.Column<long>(type: "INTEGER", nullable: false),
                    RecoveredCents = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnderpaymentDayRollups", x => new { x.DenialDate, x.PayerId });
                });

            // The scorecard's rollup columns are kept by version 3 of the rollup triggers, frozen SQL (ADR 0123); it also
            // rebuilds every rollup, so the new columns are filled. Keep this call in any migration that replaces this one.
            foreach (var statement in Appeals.Core.Persistence.MigrationSql.MigrationSqlScripts.RecreateRollupTriggersV3(Appeals.Core.Persistence.DatabaseProvider.Sqlite))
                migrationBuilder.Sql(statement);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to version 2's triggers (they name none of the columns dropped below), then the model's DDL.
            foreach (var statement in Appeals.Core.Persistence.MigrationSql.MigrationSqlScripts.RecreateRollupTriggersV2(Appeals.Core.Persistence.DatabaseProvider.Sqlite))
                migrationBuilder.Sql(statement);

            migrationBuilder.DropTable(
                name: "UnderpaymentDayRollups");

            migrationBuilder.DropColumn(
                name: "Level1Decided",
                table: "DenialDayRollups");

            migrationBuilder.DropColumn(
                name: "Level1Overturned",
                table: "DenialDayRollups");

            migrationBuilder.DropColumn(
                name: "Level2Decided",
                table: "DenialDayRollups");

            migrationBuilder.DropColumn(
                name: "Level2Overturned",
                table: "DenialDayRollups");

            migrationBuilder.DropColumn(
                name: "Level3Decided",
                table: "DenialDayRollups");

            migrationBuilder.DropColumn(
                name: "Level3Overturned",
                table: "DenialDayRollups");

            migrationBuilder.DropColumn(
                name: "Level4Decided",
                table: "DenialDayRollups");

            migrationBuilder.DropColumn(
                name: "Level4Overturned",
                table: "DenialDayRollups");

            migrationBuilder.DropColumn(
                name: "Level5Decided",
                table: "DenialDayRollups");

            migrationBuilder.DropColumn(
                name: "Level5Overturned",
                table: "DenialDayRollups");

            migrationBuilder.DropColumn(
                name: "RecoveredResolutions",
                table: "DenialDayRollups");

            migrationBuilder.DropColumn(
                name: "RecoverySeconds",
                table: "DenialDayRollups");

            migrationBuilder.DropColumn(
                name: "PaidDatedClaims",
                table: "ClaimRemittanceRollups");

            migrationBuilder.DropColumn(
                name: "PaidServiceDays",
                table: "ClaimRemittanceRollups");
        }
    }
}
