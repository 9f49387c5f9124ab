using Appeals.Core.Audit;
using Appeals.Core.Cases;
using Appeals.Core.Deadlines;
using Appeals.Core.Denials;
using Appeals.Core.History;
using Appeals.Core.Imports;
using Appeals.Core.Letters;
using Appeals.Core.Privacy;
using Appeals.Core.Remittances;
using Appeals.Core.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Core.Persistence;

/// <summary>The one database of Appeals. Each entity is configured by its own IEntityTypeConfiguration in this assembly.</summary>
public class AppealsDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Payer> Payers => Set<Payer>();
    public DbSet<ImportedFile> ImportedFiles => Set<ImportedFile>();
    public DbSet<ImportMessage> ImportMessages => Set<ImportMessage>();
    public DbSet<Remittance> Remittances => Set<Remittance>();
    public DbSet<ClaimPayment> ClaimPayments => Set<ClaimPayment>();
    public DbSet<ServiceLine> ServiceLines => Set<ServiceLine>();
    public DbSet<Adjustment> Adjustments => Set<Adjustment>();
    public DbSet<RemarkCode> RemarkCodes => Set<RemarkCode>();
    public DbSet<ProviderAdjustment> ProviderAdjustments => Set<ProviderAdjustment>();
    public DbSet<DenialCase> DenialCases => Set<DenialCase>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<PayerAppealRule> PayerAppealRules => Set<PayerAppealRule>();
    public DbSet<DeadlineReminder> DeadlineReminders => Set<DeadlineReminder>();
    public DbSet<WorkflowTransition> WorkflowTransitions => Set<WorkflowTransition>();
    public DbSet<AppealLetter> AppealLetters => Set<AppealLetter>();
    public DbSet<LetterTemplate> LetterTemplates => Set<LetterTemplate>();
    public DbSet<HistoricalDenial> HistoricalDenials => Set<HistoricalDenial>();
    public DbSet<CaseNote> CaseNotes => Set<CaseNote>();
    public DbSet<CaseAttachment> CaseAttachments => Set<CaseAttachment>();
    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();
    public DbSet<Rollups.DenialDayRollup> DenialDayRollups => Set<Rollups.DenialDayRollup>();
    public DbSet<Rollups.DenialReasonDayRollup> DenialReasonDayRollups => Set<Rollups.DenialReasonDayRollup>();
    public DbSet<Rollups.ClaimRemittanceRollup> ClaimRemittanceRollups => Set<Rollups.ClaimRemittanceRollup>();
    public DbSet<Rollups.UnderpaymentDayRollup> UnderpaymentDayRollups => Set<Rollups.UnderpaymentDayRollup>();
    public DbSet<PhiDataKey> PhiDataKeys => Set<PhiDataKey>();
    public DbSet<Contracts.PayerContract> PayerContracts => Set<Contracts.PayerContract>();
    public DbSet<TakeBacks.TakeBack> TakeBacks => Set<TakeBacks.TakeBack>();

    /// <summary>The protector of the encrypted PHI columns (ADR 0071), from <see cref="PhiDbContextOptions.UsePhiProtector(Microsoft.EntityFrameworkCore.DbContextOptionsBuilder, PhiProtector)"/>.</summary>
    internal PhiProtector? Phi { get; } = options.FindPhiProtector();

    /// <summary>True for the context <c>dotnet ef dbcontext optimize</c> writes the compiled model from (ADR 0092).</summary>
    internal bool BuildsCompiledModel { get; } = options.BuildsCompiledModel();

    /// <summary>The audit log's key and checkpoints, from the same key ring as <see cref="Phi"/> (ADR 0085).</summary>
    internal AuditAnchor AuditAnchor => Phi?.AuditAnchor ?? throw new InvalidOperationException("This AppealsDbContext has no PhiProtector, so no audit key.");

    /// <summary>Every context, however its options were built, translates <see cref="MoneyInSql.Cents"/>.</summary>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) => optionsBuilder.AddInterceptors(MoneyInSql.Interceptor);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppealsDbContext).Assembly);
        PhiColumns.Configure(modelBuilder, Phi ?? throw new InvalidOperationException(
            "This AppealsDbContext has no PhiProtector: configure it with UseAppealsDatabase(…, protector) or UsePhiProtector, so that patient data is encrypted at rest."),
            BuildsCompiledModel);
    }
}
