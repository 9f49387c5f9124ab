using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Appeals.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TakeBackReopenBaseSchedules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BaseSchedule",
                table: "PayerContracts",
                type: "TEXT",
                maxLength: 80,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<decimal>(
                name: "PercentOfBase",
                table: "PayerContracts",
                type: "TEXT",
                precision: 9,
                scale: 3,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "TakenBackAmount",
                table: "DenialCases",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BaseSchedule",
                table: "PayerContracts");

            migrationBuilder.DropColumn(
                name: "PercentOfBase",
                table: "PayerContracts");

            migrationBuilder.DropColumn(
                name: "TakenBackAmount",
                table: "DenialCases");
        }
    }
}
