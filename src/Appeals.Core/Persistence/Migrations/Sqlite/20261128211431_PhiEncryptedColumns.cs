using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Appeals.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PhiEncryptedColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MemberId",
                table: "ClaimPayments");

            migrationBuilder.DropColumn(
                name: "PatientFirstName",
                table: "ClaimPayments");

            migrationBuilder.DropColumn(
                name: "PatientLastName",
                table: "ClaimPayments");

            migrationBuilder.AddColumn<string>(
                name: "PatientIdentity",
                table: "ClaimPayments",
                type: "TEXT",
                maxLength: 1024,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PatientIdentity",
                table: "ClaimPayments");

            migrationBuilder.AddColumn<string>(
                name: "MemberId",
                table: "ClaimPayments",
                type: "TEXT",
                maxLength: 80,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PatientFirstName",
                table: "ClaimPayments",
                type: "TEXT",
                maxLength: 35,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PatientLastName",
                table: "ClaimPayments",
                type: "TEXT",
                maxLength: 60,
                nullable: false,
                defaultValue: "");
        }
    }
}
