using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Appeals.Core.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    EntityType = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    EntityId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Details = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    PreviousHash = table.Column<string>(type: "nchar(64)", fixedLength: true, maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "nchar(64)", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

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

            migrationBuilder.CreateTable(
                name: "HistoricalDenials",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    DenialId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    PayerIdentifier = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false),
                    PayerType = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    GroupCode = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false),
                    Carc = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    Rarcs = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ProcedureCode = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    ProviderId = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    PlaceOfService = table.Column<string>(type: "nvarchar(4)", maxLength: 4, nullable: false),
                    BilledAmount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    DeniedAmount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    ServiceDate = table.Column<DateOnly>(type: "date", nullable: false),
                    RemitDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Recovered = table.Column<bool>(type: "bit", nullable: false),
                    RecoveredAmount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HistoricalDenials", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ImportBatches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    FileNames = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    FileCount = table.Column<int>(type: "int", nullable: false),
                    UploadFolder = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    State = table.Column<string>(type: "varchar(20)", unicode: false, maxLength: 20, nullable: false),
                    FilesDone = table.Column<int>(type: "int", nullable: false),
                    BytesRead = table.Column<long>(type: "bigint", nullable: false),
                    TotalBytes = table.Column<long>(type: "bigint", nullable: false),
                    SummaryJson = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Failure = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    FinishedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportBatches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ImportedFiles",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FileName = table.Column<string>(type: "nvarchar(260)", maxLength: 260, nullable: false),
                    ContentHash = table.Column<string>(type: "char(64)", unicode: false, fixedLength: true, maxLength: 64, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    TransactionsImported = table.Column<int>(type: "int", nullable: false),
                    TransactionsDuplicate = table.Column<int>(type: "int", nullable: false),
                    TransactionsRejected = table.Column<int>(type: "int", nullable: false),
                    OriginalBytes = table.Column<byte[]>(type: "varbinary(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportedFiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LetterTemplates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    Content = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    Sha256 = table.Column<string>(type: "nchar(64)", fixedLength: true, maxLength: 64, nullable: false),
                    Placeholders = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    UploadedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LetterTemplates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Payers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Identifier = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    PayerType = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Payers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PhiDataKeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProtectedKey = table.Column<byte[]>(type: "varbinary(512)", maxLength: 512, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PhiDataKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ImportMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ImportedFileId = table.Column<long>(type: "bigint", nullable: false),
                    Severity = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    SegmentNumber = table.Column<long>(type: "bigint", nullable: false),
                    ByteOffset = table.Column<long>(type: "bigint", nullable: false),
                    SegmentId = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    Field = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Message = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportMessages_ImportedFiles_ImportedFileId",
                        column: x => x.ImportedFileId,
                        principalTable: "ImportedFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PayerAppealRules",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PayerId = table.Column<long>(type: "bigint", nullable: false),
                    Level = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    DeadlineDays = table.Column<int>(type: "int", nullable: false),
                    DeadlineMonths = table.Column<int>(type: "int", nullable: true),
                    PresumedReceiptDays = table.Column<int>(type: "int", nullable: false),
                    ClockStartsFrom = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Citation = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    ChangedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
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
                name: "Remittances",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ImportedFileId = table.Column<long>(type: "bigint", nullable: false),
                    PayerId = table.Column<long>(type: "bigint", nullable: false),
                    ContentHash = table.Column<string>(type: "char(64)", unicode: false, fixedLength: true, maxLength: 64, nullable: false),
                    InterchangeControlNumber = table.Column<string>(type: "nvarchar(9)", maxLength: 9, nullable: false),
                    GroupControlNumber = table.Column<string>(type: "nvarchar(9)", maxLength: 9, nullable: false),
                    TransactionControlNumber = table.Column<string>(type: "nvarchar(9)", maxLength: 9, nullable: false),
                    HandlingCode = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false),
                    PaymentAmount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    CreditDebitFlag = table.Column<string>(type: "nvarchar(1)", maxLength: 1, nullable: false),
                    PaymentMethod = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    PaymentDate = table.Column<DateOnly>(type: "date", nullable: true),
                    TraceNumber = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    ProductionDate = table.Column<DateOnly>(type: "date", nullable: true),
                    PayeeName = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    PayeeIdentifier = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Remittances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Remittances_ImportedFiles_ImportedFileId",
                        column: x => x.ImportedFileId,
                        principalTable: "ImportedFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Remittances_Payers_PayerId",
                        column: x => x.PayerId,
                        principalTable: "Payers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ClaimPayments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RemittanceId = table.Column<long>(type: "bigint", nullable: false),
                    PatientControlNumber = table.Column<string>(type: "nvarchar(38)", maxLength: 38, nullable: false),
                    StatusCode = table.Column<int>(type: "int", nullable: false),
                    ChargeAmount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    PaymentAmount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    PatientResponsibilityAmount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true),
                    ClaimFilingIndicator = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false),
                    PayerClaimControlNumber = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    FacilityTypeCode = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false),
                    FrequencyCode = table.Column<string>(type: "nvarchar(1)", maxLength: 1, nullable: false),
                    OriginalReferenceNumber = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    PatientIdentity = table.Column<string>(type: "nvarchar(1024)", maxLength: 1024, nullable: false),
                    RenderingProviderId = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false),
                    ServiceDateFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    ServiceDateTo = table.Column<DateOnly>(type: "date", nullable: true),
                    ReceivedDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ReversesClaimPaymentId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClaimPayments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClaimPayments_ClaimPayments_ReversesClaimPaymentId",
                        column: x => x.ReversesClaimPaymentId,
                        principalTable: "ClaimPayments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ClaimPayments_Remittances_RemittanceId",
                        column: x => x.RemittanceId,
                        principalTable: "Remittances",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProviderAdjustments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RemittanceId = table.Column<long>(type: "bigint", nullable: false),
                    ProviderIdentifier = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    FiscalPeriodDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ReasonCode = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false),
                    ReferenceId = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProviderAdjustments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProviderAdjustments_Remittances_RemittanceId",
                        column: x => x.RemittanceId,
                        principalTable: "Remittances",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DenialCases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ClaimPaymentId = table.Column<long>(type: "bigint", nullable: false),
                    EarlierCaseId = table.Column<long>(type: "bigint", nullable: true),
                    PayerId = table.Column<long>(type: "bigint", nullable: false),
                    PatientControlNumber = table.Column<string>(type: "nvarchar(38)", maxLength: 38, nullable: false),
                    PayerClaimControlNumber = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    RenderingProviderId = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false),
                    ProcedureCode = table.Column<string>(type: "nvarchar(48)", maxLength: 48, nullable: false),
                    ServiceDate = table.Column<DateOnly>(type: "date", nullable: true),
                    DenialDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Category = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    PrimaryReason = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    Avoidable = table.Column<bool>(type: "bit", nullable: false),
                    ShiftedToPatient = table.Column<bool>(type: "bit", nullable: false),
                    BilledAmount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    DeniedAmount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    RecoveredAmount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    FirstAppealedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    DeadlineMissed = table.Column<bool>(type: "bit", nullable: false),
                    AssignedTo = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    RecoveryProbability = table.Column<double>(type: "float", nullable: true),
                    ExpectedRecovery = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true),
                    ScoreExplanation = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    ScoreSource = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    ScoredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Priority = table.Column<double>(type: "float", nullable: false),
                    AppealDeadline = table.Column<DateOnly>(type: "date", nullable: true),
                    DeadlineBasis = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    DeadlineRuleMissing = table.Column<bool>(type: "bit", nullable: false),
                    WorkflowRoute = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    WorkflowVersion = table.Column<int>(type: "int", nullable: false),
                    WorkflowState = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    AppealLevel = table.Column<int>(type: "int", nullable: false),
                    LevelNoticeDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DenialCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DenialCases_ClaimPayments_ClaimPaymentId",
                        column: x => x.ClaimPaymentId,
                        principalTable: "ClaimPayments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DenialCases_DenialCases_EarlierCaseId",
                        column: x => x.EarlierCaseId,
                        principalTable: "DenialCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DenialCases_Payers_PayerId",
                        column: x => x.PayerId,
                        principalTable: "Payers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ServiceLines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ClaimPaymentId = table.Column<long>(type: "bigint", nullable: false),
                    LineNumber = table.Column<int>(type: "int", nullable: false),
                    ProcedureQualifier = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false),
                    ProcedureCode = table.Column<string>(type: "nvarchar(48)", maxLength: 48, nullable: false),
                    Modifiers = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ChargeAmount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    PaidAmount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    RevenueCode = table.Column<string>(type: "nvarchar(48)", maxLength: 48, nullable: false),
                    Units = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    ServiceDate = table.Column<DateOnly>(type: "date", nullable: true),
                    LineControlNumber = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    AllowedAmount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceLines_ClaimPayments_ClaimPaymentId",
                        column: x => x.ClaimPaymentId,
                        principalTable: "ClaimPayments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AppealLetters",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    DenialCaseId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    TemplateVersion = table.Column<int>(type: "int", nullable: false),
                    AppealLevel = table.Column<int>(type: "int", nullable: false),
                    VersionNumber = table.Column<int>(type: "int", nullable: false),
                    Content = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    Sha256 = table.Column<string>(type: "nchar(64)", fixedLength: true, maxLength: 64, nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    SignedOffBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    SignedOffAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
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
                name: "CaseAttachments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    DenialCaseId = table.Column<long>(type: "bigint", nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: false),
                    FileType = table.Column<string>(type: "varchar(10)", unicode: false, maxLength: 10, nullable: false),
                    ContentType = table.Column<string>(type: "varchar(100)", unicode: false, maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "char(64)", unicode: false, fixedLength: true, maxLength: 64, nullable: false),
                    StorageKey = table.Column<string>(type: "varchar(100)", unicode: false, maxLength: 100, nullable: false),
                    UploadedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseAttachments_DenialCases_DenialCaseId",
                        column: x => x.DenialCaseId,
                        principalTable: "DenialCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseNotes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    DenialCaseId = table.Column<long>(type: "bigint", nullable: false),
                    Text = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseNotes_DenialCases_DenialCaseId",
                        column: x => x.DenialCaseId,
                        principalTable: "DenialCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DeadlineReminders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    DenialCaseId = table.Column<long>(type: "bigint", nullable: false),
                    AppealLevel = table.Column<int>(type: "int", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    DaysBefore = table.Column<int>(type: "int", nullable: false),
                    Recipient = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
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
                name: "WorkflowTransitions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    DenialCaseId = table.Column<long>(type: "bigint", nullable: false),
                    Route = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    WorkflowVersion = table.Column<int>(type: "int", nullable: false),
                    FromState = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    ToState = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Trigger = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    AppealLevel = table.Column<int>(type: "int", nullable: false),
                    Actor = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "Adjustments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ClaimPaymentId = table.Column<long>(type: "bigint", nullable: false),
                    ServiceLineId = table.Column<long>(type: "bigint", nullable: true),
                    GroupCode = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false),
                    Carc = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: false),
                    Amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    Quantity = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true),
                    IsDenial = table.Column<bool>(type: "bit", nullable: false),
                    IsShiftedToPatient = table.Column<bool>(type: "bit", nullable: false),
                    Category = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Adjustments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Adjustments_ClaimPayments_ClaimPaymentId",
                        column: x => x.ClaimPaymentId,
                        principalTable: "ClaimPayments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Adjustments_ServiceLines_ServiceLineId",
                        column: x => x.ServiceLineId,
                        principalTable: "ServiceLines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RemarkCodes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ClaimPaymentId = table.Column<long>(type: "bigint", nullable: false),
                    ServiceLineId = table.Column<long>(type: "bigint", nullable: true),
                    Source = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    Qualifier = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    Code = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RemarkCodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RemarkCodes_ClaimPayments_ClaimPaymentId",
                        column: x => x.ClaimPaymentId,
                        principalTable: "ClaimPayments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RemarkCodes_ServiceLines_ServiceLineId",
                        column: x => x.ServiceLineId,
                        principalTable: "ServiceLines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Adjustments_ClaimPaymentId",
                table: "Adjustments",
                column: "ClaimPaymentId");

            migrationBuilder.CreateIndex(
                name: "IX_Adjustments_ServiceLineId",
                table: "Adjustments",
                column: "ServiceLineId");

            migrationBuilder.CreateIndex(
                name: "IX_AppealLetters_DenialCaseId_VersionNumber",
                table: "AppealLetters",
                columns: new[] { "DenialCaseId", "VersionNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_At",
                table: "AuditEntries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityType_EntityId",
                table: "AuditEntries",
                columns: new[] { "EntityType", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_PreviousHash",
                table: "AuditEntries",
                column: "PreviousHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseAttachments_DenialCaseId",
                table: "CaseAttachments",
                column: "DenialCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseAttachments_StorageKey",
                table: "CaseAttachments",
                column: "StorageKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseNotes_DenialCaseId",
                table: "CaseNotes",
                column: "DenialCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ClaimPayments_Dashboard",
                table: "ClaimPayments",
                columns: new[] { "RemittanceId", "StatusCode", "RenderingProviderId", "ChargeAmount" });

            migrationBuilder.CreateIndex(
                name: "IX_ClaimPayments_PatientControlNumber_ServiceDateFrom",
                table: "ClaimPayments",
                columns: new[] { "PatientControlNumber", "ServiceDateFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_ClaimPayments_PayerClaimControlNumber",
                table: "ClaimPayments",
                column: "PayerClaimControlNumber");

            migrationBuilder.CreateIndex(
                name: "IX_ClaimPayments_ReversesClaimPaymentId",
                table: "ClaimPayments",
                column: "ReversesClaimPaymentId");

            migrationBuilder.CreateIndex(
                name: "IX_DeadlineReminders_DenialCaseId_AppealLevel_Deadline_DaysBefore",
                table: "DeadlineReminders",
                columns: new[] { "DenialCaseId", "AppealLevel", "Deadline", "DaysBefore" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DenialCases_ClaimPaymentId",
                table: "DenialCases",
                column: "ClaimPaymentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DenialCases_Dashboard",
                table: "DenialCases",
                columns: new[] { "RenderingProviderId", "DenialDate", "PayerId", "Category", "PrimaryReason", "Status", "DeniedAmount", "RecoveredAmount", "Avoidable", "DeadlineMissed", "FirstAppealedAt", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DenialCases_DenialDate",
                table: "DenialCases",
                column: "DenialDate");

            migrationBuilder.CreateIndex(
                name: "IX_DenialCases_EarlierCaseId",
                table: "DenialCases",
                column: "EarlierCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_DenialCases_PayerId",
                table: "DenialCases",
                column: "PayerId");

            migrationBuilder.CreateIndex(
                name: "IX_DenialCases_Queue",
                table: "DenialCases",
                columns: new[] { "Priority", "Id" },
                descending: new[] { true, false });

            migrationBuilder.CreateIndex(
                name: "IX_DenialCases_Status_Priority",
                table: "DenialCases",
                columns: new[] { "Status", "Priority" });

            migrationBuilder.CreateIndex(
                name: "IX_DenialReasonDayRollups_Chart",
                table: "DenialReasonDayRollups",
                columns: new[] { "Category", "PrimaryReason", "DenialDate", "PayerId", "Cases", "DeniedCents" });

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
                name: "IX_ImportBatches_CreatedAt",
                table: "ImportBatches",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ImportBatches_State",
                table: "ImportBatches",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_ImportMessages_ImportedFileId",
                table: "ImportMessages",
                column: "ImportedFileId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportedFiles_ContentHash",
                table: "ImportedFiles",
                column: "ContentHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImportedFiles_ImportedAt",
                table: "ImportedFiles",
                column: "ImportedAt");

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
                name: "IX_Payers_Identifier",
                table: "Payers",
                column: "Identifier",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProviderAdjustments_RemittanceId",
                table: "ProviderAdjustments",
                column: "RemittanceId");

            migrationBuilder.CreateIndex(
                name: "IX_RemarkCodes_ClaimPaymentId",
                table: "RemarkCodes",
                column: "ClaimPaymentId");

            migrationBuilder.CreateIndex(
                name: "IX_RemarkCodes_ServiceLineId",
                table: "RemarkCodes",
                column: "ServiceLineId");

            migrationBuilder.CreateIndex(
                name: "IX_Remittances_ContentHash",
                table: "Remittances",
                column: "ContentHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Remittances_ImportedFileId",
                table: "Remittances",
                column: "ImportedFileId");

            migrationBuilder.CreateIndex(
                name: "IX_Remittances_PayerId",
                table: "Remittances",
                column: "PayerId");

            migrationBuilder.CreateIndex(
                name: "IX_Remittances_TraceNumber",
                table: "Remittances",
                column: "TraceNumber");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceLines_ClaimPaymentId",
                table: "ServiceLines",
                column: "ClaimPaymentId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowTransitions_DenialCaseId_OccurredAt",
                table: "WorkflowTransitions",
                columns: new[] { "DenialCaseId", "OccurredAt" });

            // The triggers that keep the dashboard rollups, and a backfill from existing rows (ADR 0052), as frozen SQL
            // (ADR 0123). Keep this call in any migration that replaces this one: the model alone does not create triggers.
            foreach (var statement in Appeals.Core.Persistence.MigrationSql.MigrationSqlScripts.CreateRollupTriggersV2(Appeals.Core.Persistence.DatabaseProvider.SqlServer))
                migrationBuilder.Sql(statement);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in Appeals.Core.Persistence.MigrationSql.MigrationSqlScripts.DropRollupTriggersV2(Appeals.Core.Persistence.DatabaseProvider.SqlServer))
                migrationBuilder.Sql(statement);

            migrationBuilder.DropTable(
                name: "Adjustments");

            migrationBuilder.DropTable(
                name: "AppealLetters");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "CaseAttachments");

            migrationBuilder.DropTable(
                name: "CaseNotes");

            migrationBuilder.DropTable(
                name: "ClaimRemittanceRollups");

            migrationBuilder.DropTable(
                name: "DeadlineReminders");

            migrationBuilder.DropTable(
                name: "DenialDayRollups");

            migrationBuilder.DropTable(
                name: "DenialReasonDayRollups");

            migrationBuilder.DropTable(
                name: "HistoricalDenials");

            migrationBuilder.DropTable(
                name: "ImportBatches");

            migrationBuilder.DropTable(
                name: "ImportMessages");

            migrationBuilder.DropTable(
                name: "LetterTemplates");

            migrationBuilder.DropTable(
                name: "PayerAppealRules");

            migrationBuilder.DropTable(
                name: "PhiDataKeys");

            migrationBuilder.DropTable(
                name: "ProviderAdjustments");

            migrationBuilder.DropTable(
                name: "RemarkCodes");

            migrationBuilder.DropTable(
                name: "WorkflowTransitions");

            migrationBuilder.DropTable(
                name: "ServiceLines");

            migrationBuilder.DropTable(
                name: "DenialCases");

            migrationBuilder.DropTable(
                name: "ClaimPayments");

            migrationBuilder.DropTable(
                name: "Remittances");

            migrationBuilder.DropTable(
                name: "ImportedFiles");

            migrationBuilder.DropTable(
                name: "Payers");
        }
    }
}
