using Appeals.Core.Denials;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Appeals.Core.Persistence.Configurations;

internal sealed class DenialCaseConfiguration : IEntityTypeConfiguration<DenialCase>
{
    public void Configure(EntityTypeBuilder<DenialCase> b)
    {
        b.HasKey(d => d.Id);
        // Triggers keep the dashboard rollups (ADR 0052); EF must know, so that SQL Server saves without OUTPUT.
        b.ToTable(t => t.HasTrigger(Rollups.RollupTriggers.TriggerName("DenialCases")));
        b.Property(d => d.PatientControlNumber).HasMaxLength(38).IsRequired();
        b.Property(d => d.PayerClaimControlNumber).HasMaxLength(50).IsRequired();
        b.Property(d => d.RenderingProviderId).HasMaxLength(80).IsRequired();
        b.Property(d => d.ProcedureCode).HasMaxLength(48).IsRequired();
        b.Property(d => d.Category).HasMaxLength(64).IsRequired();
        b.Property(d => d.PrimaryReason).HasMaxLength(8).IsRequired();
        b.Property(d => d.BilledAmount).HasPrecision(18, 2);
        b.Property(d => d.DeniedAmount).HasPrecision(18, 2);
        b.Property(d => d.RecoveredAmount).HasPrecision(18, 2);
        // Every case stored before underpayments existed is a denial.
        b.Property(d => d.Kind).HasMaxLength(16).IsRequired().HasDefaultValue(CaseKinds.Denial);
        b.Property(d => d.ShortfallAmount).HasPrecision(18, 2);
        b.Property(d => d.TakenBackAmount).HasPrecision(18, 2);
        // Stored as its code ("in_progress"), the strings stored before the status was an enum: no data changed.
        b.Property(d => d.Status).HasConversion(s => DenialCaseStatusCodes.ToCode(s), code => DenialCaseStatusCodes.FromCode(code)).HasMaxLength(32).IsRequired();
        b.Property(d => d.AssignedTo).HasMaxLength(256).IsRequired();
        b.Property(d => d.ExpectedRecovery).HasPrecision(18, 2);
        b.Property(d => d.ScoreExplanation).HasMaxLength(2000).IsRequired();
        b.Property(d => d.ScoreSource).HasMaxLength(100).IsRequired();
        b.Property(d => d.DeadlineBasis).HasMaxLength(1000).IsRequired();
        b.Property(d => d.WorkflowRoute).HasMaxLength(50).IsRequired();
        b.Property(d => d.WorkflowState).HasMaxLength(50).IsRequired();
        // Priority is a sort key, not money: stored as a float so that SQLite (which keeps decimals as
        // text) can order and range-compare it in SQL, and the queue can walk an index in priority order.
        b.Property(d => d.Priority).HasConversion<double>();
        // Two people never take the same case unknowingly: every update must change Version.
        b.Property(d => d.Version).IsConcurrencyToken();

        // One case per claim payment; the queue orders open cases by priority; the dashboard filters.
        b.HasIndex(d => d.ClaimPaymentId).IsUnique();
        b.HasIndex(d => new { d.Status, d.Priority });
        // The queue's keyset order exactly (priority desc, id asc): its first page reads 25 index entries, and
        // a run of equal priorities (every unscored case is 0) never needs a sort.
        b.HasIndex(d => new { d.Priority, d.Id }).IsDescending(true, false).HasDatabaseName("IX_DenialCases_Queue");
        b.HasIndex(d => d.PayerId);
        // The dashboard's covering index (ADR 0051, 0052): the rollups serve every filter but a rendering
        // provider, which reads its cases' columns from here, a range of this narrow index, not the wide rows.
        b.HasIndex(d => new
        {
            d.RenderingProviderId, d.DenialDate, d.PayerId, d.Category, d.PrimaryReason, d.Status,
            d.DeniedAmount, d.RecoveredAmount, d.Avoidable, d.DeadlineMissed, d.FirstAppealedAt, d.ClosedAt,
        }).HasDatabaseName("IX_DenialCases_Dashboard");
        b.HasIndex(d => d.DenialDate);
        // Cases awaiting filing by deadline. The dashboard's "passed but not yet marked" count seeks the unmarked ones first
        // (DeadlineMissed before the date), so it reads only what passed since the daily sweep, not every deadline that ever
        // passed; the sweep reads its due cases from this index alone (covering), marked or not.
        b.HasIndex(d => new { d.Status, d.DeadlineMissed, d.AppealDeadline }).HasDatabaseName("IX_DenialCases_Deadlines");
        // Underpayment cases are a few percent of the table: the payer scorecard and `cases list --kind` read them by kind.
        b.HasIndex(d => new { d.Kind, d.DenialDate, d.PayerId });
        // Later ERAs find the cases they answer, and re-denials their earlier case, by these two keys (ADR 0075).
        b.HasIndex(d => d.PayerClaimControlNumber);
        b.HasIndex(d => new { d.PatientControlNumber, d.ServiceDate });
        b.HasOne(d => d.ClaimPayment).WithMany().HasForeignKey(d => d.ClaimPaymentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(d => d.Payer).WithMany().HasForeignKey(d => d.PayerId).OnDelete(DeleteBehavior.Restrict);
        // A re-denial points at the earlier case of the same claim (indexed by the FK: "denied again as case N").
        b.HasOne<DenialCase>().WithMany().HasForeignKey(d => d.EarlierCaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
