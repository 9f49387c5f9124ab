using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Appeals.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddWorkflows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AppealLevel",
                table: "DenialCases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "DeadlineBasis",
                table: "DenialCases",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "DeadlineRuleMissing",
                table: "DenialCases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LevelNoticeDate",
                table: "DenialCases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WorkflowRoute",
                table: "DenialCases",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "WorkflowState",
                table: "DenialCases",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "WorkflowVersion",
                table: "DenialCases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "AppealLetters",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DenialCaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    TemplateVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    AppealLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    VersionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    SignedOffBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SignedOffAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppealLetters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AppealLetters_DenialCases_DenialCaseId",
                        column: x => x.DenialCaseId,
                        principalTable: "DenialCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DeadlineReminders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DenialCaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    AppealLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DaysBefore = table.Column<int>(type: "INTEGER", nullable: false),
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeadlineReminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeadlineReminders_DenialCases_DenialCaseId",
                        column: x => x.DenialCaseId,
                        principalTable: "DenialCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HistoricalDenials",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DenialId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PayerIdentifier = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    PayerType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    GroupCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Carc = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Rarcs = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProcedureCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ProviderId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PlaceOfService = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    BilledAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    DeniedAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    ServiceDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RemitDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Recovered = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecoveredAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HistoricalDenials", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LetterTemplates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    Placeholders = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LetterTemplates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PayerAppealRules",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PayerId = table.Column<long>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DeadlineDays = table.Column<int>(type: "INTEGER", nullable: false),
                    PresumedReceiptDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ClockStartsFrom = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Citation = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PayerAppealRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PayerAppealRules_Payers_PayerId",
                        column: x => x.PayerId,
                        principalTable: "Payers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkflowTransitions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DenialCaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    Route = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    WorkflowVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    FromState = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ToState = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    AppealLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkflowTransitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkflowTransitions_DenialCases_DenialCaseId",
                        column: x => x.DenialCaseId,
                        principalTable: "DenialCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AppealLetters_DenialCaseId_VersionNumber",
                table: "AppealLetters",
                columns: new[] { "DenialCaseId", "VersionNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DeadlineReminders_DenialCaseId_AppealLevel_Deadline_DaysBefore",
                table: "DeadlineReminders",
                columns: new[] { "DenialCaseId", "AppealLevel", "Deadline", "DaysBefore" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HistoricalDenials_DenialId",
                table: "HistoricalDenials",
                column: "DenialId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HistoricalDenials_RemitDate",
                table: "HistoricalDenials",
                column: "RemitDate");

            migrationBuilder.CreateIndex(
                name: "IX_LetterTemplates_Kind_Version",
                table: "LetterTemplates",
                columns: new[] { "Kind", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PayerAppealRules_PayerId_Level",
                table: "PayerAppealRules",
                columns: new[] { "PayerId", "Level" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowTransitions_DenialCaseId_OccurredAt",
                table: "WorkflowTransitions",
                columns: new[] { "DenialCaseId", "OccurredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AppealLetters");

            migrationBuilder.DropTable(
                name: "DeadlineReminders");

            migrationBuilder.DropTable(
                name: "HistoricalDenials");

            migrationBuilder.DropTable(
                name: "LetterTemplates");

            migrationBuilder.DropTable(
                name: "PayerAppealRules");

            migrationBuilder.DropTable(
                name: "WorkflowTransitions");

            migrationBuilder.DropColumn(
                name: "AppealLevel",
                table: "DenialCases");

            migrationBuilder.DropColumn(
                name: "DeadlineBasis",
                table: "DenialCases");

            migrationBuilder.DropColumn(
                name: "DeadlineRuleMissing",
                table: "DenialCases");

            migrationBuilder.DropColumn(
                name: "LevelNoticeDate",
                table: "DenialCases");

            migrationBuilder.DropColumn(
                name: "WorkflowRoute",
                table: "DenialCases");

            migrationBuilder.DropColumn(
                name: "WorkflowState",
                table: "DenialCases");

            migrationBuilder.DropColumn(
                name: "WorkflowVersion",
                table: "DenialCases");
        }
    }
}
