using Appeals.Core.Denials;
using Appeals.Core.Imports;
using Appeals.Core.Persistence;
using Appeals.Core.Remittances;

namespace Appeals.Core.Tests.Builders;

/// <summary>
/// Payers, adjudicated claims and denial cases written straight to a context, as the importer would leave them
/// (claims from <see cref="RemittanceBuilder"/>, each on a remittance of its own), for tests of what the database
/// computes from those rows (rollups, money in SQL) without going through an 835.
/// </summary>
internal sealed class DenialBuilder(AppealsDbContext db)
{
    private readonly ImportedFile _file = new() { FileName = "ledger.835", ContentHash = "ledger" };
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
        var claim = RemittanceBuilder.Claim($"PCN{++_claims:D4}", status, charged);
        claim.RenderingProviderId = provider;
        var remittance = RemittanceBuilder.Remittance($"TRACE{_claims:D4}", payer.Identifier, claim);
        remittance.Payer = payer;
        remittance.ImportedFile = _file;
        remittance.PaymentDate = paid;
        db.Remittances.Add(remittance);
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

    public Task SaveAsync() => db.SaveChangesAsync(TestContext.Current.CancellationToken);
}

/// <summary>
/// A small hand-computed ledger (the same one Analytics.Tests' KPI tests read): four denial cases on seven claims,
/// every status the rollups count differently (open, recovered, upheld, a missed deadline) and a reversal.
/// </summary>
internal static class DenialLedger
{
    public static async Task FillAsync(TestDatabase database)
    {
        await using var db = database.Open();
        var f = new DenialBuilder(db);
        var acme = f.Payer("Acme Health");
        var beta = f.Payer("Beta Care");

        // 1. Open, avoidable.
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
        // 5. Open, its deadline missed.
        var missed = f.Denial(f.Claim(beta, 1000m, new(2026, 6, 10), "P2"), beta, 250.50m, "coding_bundling_modifier", "CO-4", avoidable: true);
        db.Entry(missed).Property(c => c.DeadlineMissed).CurrentValue = true;
        // 6. A reversal: not an adjudication of its own.
        f.Claim(beta, -1000m, new(2026, 6, 11), "P2", status: 22);
        // 7. February: a claim, no denial.
        f.Claim(acme, 100m, new(2026, 2, 14), "P1");
        await f.SaveAsync();
    }
}
