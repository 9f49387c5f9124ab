using Appeals.Core.Denials;
using Appeals.Core.Imports;
using Appeals.Core.Persistence;
using Appeals.Core.Remittances;

namespace Appeals.Tests.Shared;

/// <summary>Builds payers, adjudicated claims and denial cases the way the importer would leave them.</summary>
internal sealed class DenialFixture(AppealsDbContext db)
{
    private readonly ImportedFile _file = new() { FileName = "fixture.835", ContentHash = "fixture" };
    private int _claims;

    public Payer Payer(string name)
    {
        var payer = new Payer { Identifier = name.ToUpperInvariant(), Name = name };
        db.Payers.Add(payer);
        return payer;
    }

    /// <summary>One claim on its own remittance paid on <paramref name="paid"/>.</summary>
    public ClaimPayment Claim(Payer payer, decimal charged, DateOnly paid, string provider = "P1", int status = 1)
    {
        var claim = new ClaimPayment
        {
            PatientControlNumber = $"PCN{++_claims:D4}",
            StatusCode = status,
            ChargeAmount = charged,
            RenderingProviderId = provider,
        };
        db.Remittances.Add(new Remittance
        {
            ImportedFile = _file,
            Payer = payer,
            ContentHash = $"hash{_claims}",
            TransactionControlNumber = $"{_claims:D4}",
            PaymentDate = paid,
            Claims = [claim],
        });
        return claim;
    }

    public DenialCase Denial(ClaimPayment claim, Payer payer, decimal denied, string category, string reason, bool avoidable = false)
    {
        var remittance = db.Remittances.Local.Single(r => r.Claims.Contains(claim));
        var denial = new DenialCase
        {
            ClaimPayment = claim,
            Payer = payer,
            PatientControlNumber = claim.PatientControlNumber,
            RenderingProviderId = claim.RenderingProviderId,
            DenialDate = remittance.PaymentDate!.Value,
            Category = category,
            PrimaryReason = reason,
            Avoidable = avoidable,
            BilledAmount = claim.ChargeAmount,
            DeniedAmount = denied,
        };
        db.DenialCases.Add(denial);
        return denial;
    }

    public void Save() => db.SaveChanges();
}

/// <summary>
/// The hand-computed ledger the KPI tests (Analytics.Tests, numbers in KpiQueriesTests) and the rollup trigger tests
/// (Core.Tests) read: four denial cases on seven claims, every status the rollups count differently, a reversal.
/// Today is 2026-06-30. February has a claim and no denial; April and May have nothing.
/// </summary>
internal static class DenialLedger
{
    public static readonly DateTimeOffset Today = new(2026, 6, 30, 12, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Jan30 = new(2026, 1, 30, 0, 0, 0, TimeSpan.Zero);

    public static void Fill(AppealsDbContext db)
    {
        var f = new DenialFixture(db);
        var acme = f.Payer("Acme Health");
        var beta = f.Payer("Beta Care");

        // 1. Open, avoidable, 171 days old.
        f.Denial(f.Claim(acme, 1000m, new(2026, 1, 10), "P1"), acme, 400m, "authorization_referral", "CO-197", avoidable: true);
        // 2. Appealed after 10 days, fully recovered 40 days after the denial.
        var recovered = f.Denial(f.Claim(acme, 500m, new(2026, 1, 20), "P2"), acme, 500m, "medical_necessity", "CO-50");
        db.Entry(recovered).Property(c => c.FirstAppealedAt).CurrentValue = new DateTimeOffset(2026, 1, 30, 0, 0, 0, TimeSpan.Zero);
        db.Entry(recovered).Property(c => c.ClosedAt).CurrentValue = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        db.Entry(recovered).Property(c => c.Status).CurrentValue = DenialCaseStatus.Recovered;
        db.Entry(recovered).Property(c => c.RecoveredAmount).CurrentValue = 500m;
        // 3. Paid, no denial.
        f.Claim(acme, 300m, new(2026, 3, 5), "P1");
        // 4. Appealed after 10 days, upheld 30 days after the denial.
        var upheld = f.Denial(f.Claim(beta, 200m, new(2026, 3, 15), "P1"), beta, 100m, "authorization_referral", "PI-197", avoidable: true);
        db.Entry(upheld).Property(c => c.FirstAppealedAt).CurrentValue = new DateTimeOffset(2026, 3, 25, 0, 0, 0, TimeSpan.Zero);
        db.Entry(upheld).Property(c => c.ClosedAt).CurrentValue = new DateTimeOffset(2026, 4, 14, 0, 0, 0, TimeSpan.Zero);
        db.Entry(upheld).Property(c => c.Status).CurrentValue = DenialCaseStatus.Upheld;
        // 5. Open, 20 days old, its deadline missed.
        var missed = f.Denial(f.Claim(beta, 1000m, new(2026, 6, 10), "P2"), beta, 250.50m, "coding_bundling_modifier", "CO-4", avoidable: true);
        db.Entry(missed).Property(c => c.DeadlineMissed).CurrentValue = true;
        // 6. A reversal: not an adjudication of its own.
        f.Claim(beta, -1000m, new(2026, 6, 11), "P2", status: 22);
        // 7. February: a claim, no denial.
        f.Claim(acme, 100m, new(2026, 2, 14), "P1");
        f.Save();
    }

    /// <summary>The first of two workflow steps both projects' tests apply: the open CO-197 case is appealed on Jan 15.</summary>
    public static void AppealTheOpenCase(AppealsDbContext db)
    {
        var open = db.DenialCases.Single(c => c.PrimaryReason == "CO-197");
        db.Entry(open).Property(c => c.Status).CurrentValue = DenialCaseStatus.Appealed;
        db.Entry(open).Property(c => c.FirstAppealedAt).CurrentValue = new DateTimeOffset(2026, 1, 15, 6, 0, 0, TimeSpan.Zero);
        db.SaveChanges();
    }

    /// <summary>The second: the appealed case is partly recovered ($123.45) and the missed one (CO-4) written off.</summary>
    public static void CloseTheOpenCases(AppealsDbContext db)
    {
        var appealed = db.DenialCases.Single(c => c.PrimaryReason == "CO-197");
        db.Entry(appealed).Property(c => c.Status).CurrentValue = DenialCaseStatus.PartiallyRecovered;
        db.Entry(appealed).Property(c => c.RecoveredAmount).CurrentValue = 123.45m;
        db.Entry(appealed).Property(c => c.ClosedAt).CurrentValue = new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);
        var missed = db.DenialCases.Single(c => c.PrimaryReason == "CO-4");
        db.Entry(missed).Property(c => c.Status).CurrentValue = DenialCaseStatus.WrittenOff;
        db.Entry(missed).Property(c => c.ClosedAt).CurrentValue = new DateTimeOffset(2026, 6, 29, 0, 0, 0, TimeSpan.Zero);
        db.SaveChanges();
    }
}
