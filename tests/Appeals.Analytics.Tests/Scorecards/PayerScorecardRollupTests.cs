using Appeals.Analytics.Scorecards;
using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Appeals.Core.Remittances;
using Appeals.Core.Rollups;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Analytics.Tests.Scorecards;

/// <summary>
/// The payer scorecard's rollup figures (issue 16, rollup triggers v3): overturn rate by appeal level, days from denial to
/// recovery, days from service to payment and the underpayment sums equal hand-computed ones on a fixture ledger, and the
/// triggers keep them exact through escalation, outcome and delete.
/// </summary>
public class PayerScorecardRollupTests : IDisposable
{
    private static readonly DateOnly Denied = new(2026, 3, 1);
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateTimeOffset At(int month, int day) => new(2026, month, day, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// One payer, one remittance paid 2026-03-01: claims served 2026-02-19 (10 days) x3 paid, one served 2026-01-30 (30 days)
    /// paid, one denied (paid nothing: not a payment), one without a service date. Denial cases at appeal levels 1 and 2 as
    /// docs/kpis.md's example, plus two underpayment cases.
    /// </summary>
    private void Fill()
    {
        using var db = _database.Open();
        var payer = new Payer { Identifier = "ALPHA", Name = "Alpha" };
        var claims = new List<ClaimPayment>();
        ClaimPayment Claim(decimal paid, DateOnly? served)
        {
            var claim = new ClaimPayment
            {
                PatientControlNumber = $"PCN{claims.Count + 1:D4}", StatusCode = paid > 0 ? 1 : 4, ChargeAmount = 200m, PaymentAmount = paid,
                RenderingProviderId = "P1", ServiceDateFrom = served, ServiceDateTo = served,
            };
            claims.Add(claim);
            return claim;
        }
        var a = Claim(100m, new DateOnly(2026, 2, 19));
        var b = Claim(90m, new DateOnly(2026, 2, 19));
        var c = Claim(80m, new DateOnly(2026, 2, 19));
        var d = Claim(70m, new DateOnly(2026, 1, 30));
        var e = Claim(0m, new DateOnly(2026, 1, 1));
        var f = Claim(60m, null);
        var g = Claim(0m, new DateOnly(2026, 2, 1));
        db.Remittances.Add(new Remittance
        {
            ImportedFile = new Appeals.Core.Imports.ImportedFile { FileName = "scorecard.835", ContentHash = "scorecard" }, Payer = payer,
            ContentHash = "r1", TransactionControlNumber = "0001", PaymentDate = Denied, Claims = claims,
        });
        DenialCase Case(ClaimPayment claim, int level, DenialCaseStatus status, DateTimeOffset? closed, decimal recovered = 0m) => new()
        {
            ClaimPayment = claim, Payer = payer, PatientControlNumber = claim.PatientControlNumber, RenderingProviderId = "P1",
            DenialDate = Denied, Category = "medical_necessity", PrimaryReason = "CO-50", BilledAmount = 200m, DeniedAmount = 200m,
            AppealLevel = level, Status = status, FirstAppealedAt = At(3, 2), ClosedAt = closed, RecoveredAmount = recovered,
        };
        db.DenialCases.AddRange(
            Case(a, 1, DenialCaseStatus.Recovered, At(3, 11), 200m),          // level 1: decided, overturned; recovered in 10 days
            Case(b, 1, DenialCaseStatus.Upheld, At(3, 21)),                    // level 1: decided, not overturned
            Case(c, 1, DenialCaseStatus.Appealed, null),                       // level 1: waiting
            Case(e, 2, DenialCaseStatus.PartiallyRecovered, At(3, 31), 50m),  // escalated past 1; level 2: overturned in 30 days
            Case(g, 2, DenialCaseStatus.Appealed, null));                      // escalated past 1; level 2: waiting
        DenialCase Underpaid(ClaimPayment claim, decimal shortfall, decimal recovered) => new()
        {
            ClaimPayment = claim, Payer = payer, PatientControlNumber = claim.PatientControlNumber, RenderingProviderId = "P1",
            DenialDate = Denied, Kind = CaseKinds.Underpayment, Category = CaseKinds.UnderpaymentCategory, PrimaryReason = "",
            BilledAmount = 200m, DeniedAmount = shortfall, ShortfallAmount = shortfall, RecoveredAmount = recovered,
        };
        db.DenialCases.AddRange(Underpaid(d, 12.34m, 20m), Underpaid(f, 5m, 1m));  // recovered counts at most the shortfall
        db.SaveChanges();
    }

    private async Task<PayerScorecardRow> RowAsync()
    {
        await using var db = _database.Open();
        Assert.Empty(await RollupCheck.DifferencesAsync(db, Ct));
        return Assert.Single(await new PayerScorecardQueries(db).ForAsync(AnalyticsFilter.None, Ct));
    }

    [Fact]
    public async Task Scorecard_FromTheRollups_EqualsTheHandComputedFigures()
    {
        Fill();

        var row = await RowAsync();

        // Level 1: a (recovered), b (upheld), e and g (escalated) decided; a overturned. Level 2: e decided and overturned.
        Assert.Equal([new LevelOverturn(1, 4, 1, 0.25), new LevelOverturn(2, 1, 1, 1.0)], row.OverturnByLevel);
        Assert.Equal((3, 2), (row.AppealsDecided, row.AppealsOverturned));
        Assert.Equal(20.0, row.AverageDaysDenialToRecovery);      // (10 + 30) / 2
        Assert.Equal(20.0, row.AverageDaysDenialToResolution);    // (10 + 20 + 30) / 3
        // Paid with a service date: a, b, c (10 days each), d (30 days); e and g paid nothing, f has no date.
        Assert.Equal(4, row.PaidClaimsWithServiceDate);
        Assert.Equal(15.0, row.AverageDaysServiceToPayment);      // (10 + 10 + 10 + 30) / 4
        Assert.Equal((2, 17.34m, 13.34m), (row.UnderpaymentCases, row.UnderpaymentAmount, row.UnderpaymentRecovered));
        Assert.Equal(5, row.DenialCases);
        Assert.Equal(7, row.Claims);
    }

    [Fact]
    public async Task ByMonth_TheMonthHoldingEverything_EqualsTheWholeRange_AndTheOtherMonthsAreEmpty()
    {
        Fill();
        await using var db = _database.Open();
        var queries = new PayerScorecardQueries(db);

        var months = await queries.ByMonthAsync(AnalyticsFilter.None, Ct);
        var within = await queries.ByMonthAsync(new AnalyticsFilter(new DateOnly(2026, 2, 10), new DateOnly(2026, 3, 5)), Ct);

        // No range: the twelve months up to the last with data (the fixture's denials and remittance are all 2026-03-01).
        Assert.Equal(Enumerable.Range(0, 12).Select(i => new DateOnly(2025, 4, 1).AddMonths(i)), months.Select(m => m.Month));
        Assert.All(months.SkipLast(1), m => Assert.Empty(m.Payers));
        var whole = await RowAsync();
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(whole), System.Text.Json.JsonSerializer.Serialize(Assert.Single(months[^1].Payers)));
        Assert.Equal([new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 1)], within.Select(m => m.Month));
        Assert.Empty(within[0].Payers);
        Assert.Equal(whole.Claims, Assert.Single(within[1].Payers).Claims);
        Assert.Empty(await queries.ByMonthAsync(new AnalyticsFilter(new DateOnly(2026, 4, 1), new DateOnly(2026, 3, 1)), Ct));
    }

    [Fact]
    public async Task Scorecard_AfterEscalationOutcomeAndDelete_StaysExact()
    {
        Fill();
        await using (var db = _database.Open())
        {
            // c is decided against at level 1 and goes on to level 2; the payer overturns g at level 2.
            var c = await db.DenialCases.SingleAsync(x => x.PatientControlNumber == "PCN0003", Ct);
            c.OpenNextAppealLevel(new DateOnly(2026, 4, 1));
            var g = await db.DenialCases.SingleAsync(x => x.PatientControlNumber == "PCN0007", Ct);
            db.Entry(g).Property(x => x.Status).CurrentValue = DenialCaseStatus.Recovered;
            db.Entry(g).Property(x => x.RecoveredAmount).CurrentValue = 200m;
            db.Entry(g).Property(x => x.ClosedAt).CurrentValue = At(4, 20);
            // The payer corrects a paid claim to nothing paid: it leaves the service-to-payment figure.
            var d = await db.ClaimPayments.SingleAsync(x => x.PatientControlNumber == "PCN0004", Ct);
            d.PaymentAmount = 0m;
            await db.SaveChangesAsync(Ct);
        }

        var row = await RowAsync();

        Assert.Equal([new LevelOverturn(1, 5, 1, 0.2), new LevelOverturn(2, 2, 2, 1.0)], row.OverturnByLevel);
        Assert.Equal(30.0, row.AverageDaysDenialToRecovery);      // (10 + 30 + 50) / 3
        Assert.Equal((3, 10.0), (row.PaidClaimsWithServiceDate, row.AverageDaysServiceToPayment));

        await using (var db = _database.Open())
        {
            await db.DenialCases.Where(x => x.Kind == CaseKinds.Underpayment).ExecuteDeleteAsync(Ct);
            await db.DenialCases.Where(x => x.AppealLevel == 2).ExecuteDeleteAsync(Ct);
        }
        row = await RowAsync();
        Assert.Equal([new LevelOverturn(1, 2, 1, 0.5)], row.OverturnByLevel);
        Assert.Equal((0, 0m), (row.UnderpaymentCases, row.UnderpaymentAmount));

        await using (var db = _database.Open()) await db.Remittances.ExecuteDeleteAsync(Ct);
        await using var check = _database.Open();
        Assert.Empty(await RollupCheck.DifferencesAsync(check, Ct));
        Assert.Equal(0, await check.UnderpaymentDayRollups.CountAsync(Ct));
        Assert.Equal(0, await check.ClaimRemittanceRollups.CountAsync(Ct));
    }
}

/// <summary><see cref="PayerScorecardRollupTests"/> on PostgreSQL: the statement-level triggers keep the v3 measures exact too.</summary>
public sealed class PayerScorecardRollupOnPostgreSqlTests : PayerScorecardRollupTests, Appeals.Tests.Shared.IRunsOnPostgreSql;
