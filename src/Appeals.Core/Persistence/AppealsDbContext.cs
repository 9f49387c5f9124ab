using Appeals.Core.Audit;
using Appeals.Core.Denials;
using Appeals.Core.Imports;
using Appeals.Core.Remittances;
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

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppealsDbContext).Assembly);
    }
}
