using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Appeals.Core.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class RedenialLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "EarlierCaseId",
                table: "DenialCases",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_DenialCases_EarlierCaseId",
                table: "DenialCases",
                column: "EarlierCaseId");

            migrationBuilder.AddForeignKey(
                name: "FK_DenialCases_DenialCases_EarlierCaseId",
                table: "DenialCases",
                column: "EarlierCaseId",
                principalTable: "DenialCases",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_DenialCases_DenialCases_EarlierCaseId",
                table: "DenialCases");

            migrationBuilder.DropIndex(
                name: "IX_DenialCases_EarlierCaseId",
                table: "DenialCases");

            migrationBuilder.DropColumn(
                name: "EarlierCaseId",
                table: "DenialCases");
        }
    }
}
