using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Appeals.Core.Persistence.Migrations.SqlServer
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
                type: "nvarchar(80)",
                maxLength: 80,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<decimal>(
                name: "PercentOfBase",
                table: "PayerContracts",
                type: "decimal(9,3)",
                precision: 9,
                scale: 3,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "TakenBackAmount",
                table: "DenialCases",
                type: "decimal(18,2)",
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
