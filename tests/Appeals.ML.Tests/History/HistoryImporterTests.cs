using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Appeals.Core.Privacy;
using Appeals.Core.Remittances;
using Appeals.ML.History;
using Appeals.ML.Scoring;
using Microsoft.EntityFrameworkCore;

namespace Appeals.ML.Tests.History;

/// <summary>Real SQLite files in temp folders, schema from EnsureCreated (migrations are regenerated at merge).</summary>
public sealed class HistoryImporterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly PhiProtector Phi = PhiKeyRing.Ephemeral();

    private static AppealsDbContext NewDatabase()
    {
        var file = Path.Combine(TestHistory.TempFolder(), "appeals.db");
        var db = new AppealsDbContext(new DbContextOptionsBuilder<AppealsDbContext>().UseSqlite($"Data Source={file}")
            .UsePhiProtector(Phi).Options);
        db.Database.EnsureCreated();
        return db;
    }

    [Fact]
    public async Task Import_SameFileTwice_AddsNothingTheSecondTime()
    {
        var file = Path.Combine(TestHistory.TempFolder(), "history.csv");
        HistoryCsv.Write(file, Enumerable.Range(1, 30).Select(i => TestHistory.Row($"D{i}", remit: new DateOnly(2024, 1, 1).AddDays(i), recovered: i % 3 == 0)));
        await using var db = NewDatabase();
        var importer = new HistoryImporter(db, TimeProvider.System);
        Assert.Equal(new HistoryImportSummary(30, 30, 0), await importer.ImportAsync(file, Ct));
        Assert.Equal(new HistoryImportSummary(30, 0, 30), await importer.ImportAsync(file, Ct));
        Assert.Equal(10, await db.HistoricalDenials.CountAsync(h => h.Recovered, Ct));
        var back = await DatabaseHistory.LabelledAsync(db, Ct);
        Assert.Equal(30, back.Count);
        Assert.Equal(["N54"], back[0].Rarcs);
    }

    [Fact]
    public async Task Import_FileWithABadRow_StoresNothing()
    {
        var file = Path.Combine(TestHistory.TempFolder(), "history.csv");
        HistoryCsv.Write(file, [TestHistory.Row("D1"), TestHistory.Row("D2")]);
        await File.AppendAllTextAsync(file, "D3,60001,commercial,CO,197,,99214,P,11,500,ten,2024-01-02,2024-02-01,recovered,1\n", Ct);
        await using var db = NewDatabase();
        var e = await Assert.ThrowsAsync<HistoryFormatException>(() => new HistoryImporter(db, TimeProvider.System).ImportAsync(file, Ct));
        Assert.Equal((4L, "denied_amount"), (e.Line, e.Column));
        Assert.Equal(0, await db.HistoricalDenials.CountAsync(Ct));
    }

    [Fact]
    public async Task Rescore_OpenCases_GetScoreSourceDeadlineAndPriority_ClosedOnesAreLeftAlone()
    {
        await using var db = NewDatabase();
        var payer = new Payer { Identifier = "60001", Name = "Synthetic Health Plan", PayerType = PayerTypes.Medicare };
        // One case per claim (the database allows no more), so each case has its own claim.
        var claims = Enumerable.Range(1, 3)
            .Select(i => new ClaimPayment { PatientControlNumber = $"PCN-{i}", StatusCode = 1, ChargeAmount = 800m })
            .ToList();
        var remittance = new Remittance
        {
            ImportedFile = new Appeals.Core.Imports.ImportedFile { FileName = "synthetic.835", ContentHash = "00" },
            Payer = payer, ContentHash = "ab", TransactionControlNumber = "0001", Claims = claims,
        };
        claims.ForEach(c => c.RemarkCodes.Add(new RemarkCode { Source = "MOA", Code = "N54" }));
        db.Add(remittance);
        await db.SaveChangesAsync(Ct);
        var nextClaim = 0;
        DenialCase Case(DenialCaseStatus status, DateOnly denied) => new()
        {
            ClaimPaymentId = claims[nextClaim++].Id, PayerId = payer.Id, PatientControlNumber = "PCN-1", Category = "authorization_referral",
            PrimaryReason = "CO-197", BilledAmount = 800m, DeniedAmount = 800m, DenialDate = denied, Status = status,
        };
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var upheld = Case(DenialCaseStatus.Upheld, today.AddDays(-10));
        db.Entry(upheld).Property(c => c.ClosedAt).CurrentValue = new DateTimeOffset(today.AddDays(-3).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        // Deadlines as the workflow's planner would have written them (120 days, Medicare): scoring only reads them.
        var recent = Case(DenialCaseStatus.Open, today.AddDays(-10));
        db.Entry(recent).Property(c => c.AppealDeadline).CurrentValue = today.AddDays(-10 + 120);
        var old = Case(DenialCaseStatus.Open, today.AddDays(-200));
        db.Entry(old).Property(c => c.AppealDeadline).CurrentValue = today.AddDays(-200 + 120);
        db.DenialCases.AddRange(recent, old, upheld);
        await db.SaveChangesAsync(Ct);

        var count = await new CaseRescorer(db, new BaseRateScorer(CarcCatalog.Shipped, BaseRates.Shipped), TimeProvider.System).RescoreOpenCasesAsync(Ct);

        Assert.Equal(2, count);
        var cases = await db.DenialCases.OrderBy(c => c.Id).ToListAsync(Ct);
        Assert.All(cases.Take(2), c => Assert.Equal("base-rate", c.ScoreSource));
        Assert.Equal(today.AddDays(-10 + 120), cases[0].AppealDeadline);
        Assert.True(cases[0].Priority > 0 && cases[0].Priority == cases[0].ExpectedRecovery);
        Assert.Equal(0m, cases[1].Priority); // 200 days ago: the 120-day deadline has passed
        Assert.Null(cases[2].RecoveryProbability);
        // The closed case trains the model; its outcome counts in history features from its closing date (ADR 0045).
        var labelled = Assert.Single(await DatabaseHistory.LabelledAsync(db, Ct));
        Assert.Equal(today.AddDays(-3), labelled.ResolvedDate);
        Assert.False(labelled.Label);
    }
}
