using Appeals.Core.Denials;

namespace Appeals.Analytics.Tests;

/// <summary>
/// The hand-computed fixture every KPI test reads (see the numbers in KpiQueriesTests).
/// Today is 2026-06-30. February has a claim and no denial; April and May have nothing.
/// </summary>
internal static class Ledger
{
    public static readonly DateTimeOffset Today = new(2026, 6, 30, 12, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Jan30 = new(2026, 1, 30, 0, 0, 0, TimeSpan.Zero);

    public static void Fill(TestDatabase database)
    {
        using var db = database.Open();
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
}
