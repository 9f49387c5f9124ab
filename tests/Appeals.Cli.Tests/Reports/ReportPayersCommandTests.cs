using Appeals.Cli.Tests.Common;
using Appeals.Core.Remittances;
using Appeals.Core.Remittances.X12;

namespace Appeals.Cli.Tests.Reports;

/// <summary>The payer scorecard on a fixture ledger whose figures are computed by hand.</summary>
public sealed class ReportPayersCommandTests
{
    private static ClaimPayment Claim(string number, decimal charge, decimal paid, decimal? allowed, (string Group, string Carc)? denial = null)
    {
        var claim = new ClaimPayment
        {
            PatientControlNumber = "ACCT-" + number, StatusCode = 1, ChargeAmount = charge, PaymentAmount = paid, ClaimFilingIndicator = "CI",
            PayerClaimControlNumber = number, PatientLastName = "SYNTHETIC", PatientFirstName = "TESTA", MemberId = "SYN000001",
            ServiceDateFrom = new DateOnly(2026, 1, 15), ServiceDateTo = new DateOnly(2026, 1, 15),
        };
        var line = new ServiceLine { LineNumber = 1, ProcedureQualifier = "HC", ProcedureCode = "99213", ChargeAmount = charge, PaidAmount = paid, AllowedAmount = allowed, ServiceDate = claim.ServiceDateFrom };
        claim.ServiceLines.Add(line);
        if (denial is { } d) claim.Adjustments.Add(new Adjustment { GroupCode = d.Group, Carc = d.Carc, Amount = charge, ServiceLine = line });
        else if (allowed is { } a) claim.Adjustments.Add(new Adjustment { GroupCode = "CO", Carc = "45", Amount = charge - a, ServiceLine = line });
        return claim;
    }

    private static string Era(string trace, DateOnly paid, ClaimPayment[] claims, params (string Reason, string Reference, decimal Amount)[] plbs)
    {
        var remittance = new Remittance
        {
            ContentHash = "", TransactionControlNumber = "0001", HandlingCode = "I", PaymentMethod = "ACH", PaymentDate = paid, ProductionDate = paid,
            TraceNumber = trace, PaymentAmount = claims.Sum(c => c.PaymentAmount) - plbs.Sum(p => p.Amount),
            Payer = new Payer { Identifier = "SYNPAYER1", Name = "SYNTHETIC HEALTH PLAN" }, PayeeName = "EXAMPLE CLINIC", PayeeIdentifier = "1999999984",
            Claims = [.. claims],
            ProviderAdjustments = [.. plbs.Select(p => new ProviderAdjustment { ProviderIdentifier = "1999999984", FiscalPeriodDate = new DateOnly(2026, 12, 31), ReasonCode = p.Reason, ReferenceId = p.Reference, Amount = p.Amount })],
        };
        var text = new StringWriter();
        new Remittance835Writer(text).WriteInterchange([remittance]);
        return text.ToString();
    }

    [Fact]
    public async Task ReportPayers_Json_EqualsTheHandComputedFigures()
    {
        using var temp = new TempFolder();
        var ct = TestContext.Current.CancellationToken;
        await File.WriteAllTextAsync(temp.Sub("rates.csv"), "payer_id,procedure_code,modifier,allowed_amount,effective_from,effective_to\nSYNPAYER1,99213,,100.00,2026-01-01,\n", ct);
        Directory.CreateDirectory(temp.Sub("eras"));
        await File.WriteAllTextAsync(Path.Combine(temp.Sub("eras"), "1.835"), Era("T1", new DateOnly(2026, 2, 2),
        [
            Claim("PCN-A", 150m, 100m, 100m),
            Claim("PCN-B", 150m, 0m, null, ("CO", "50")),
            Claim("PCN-C", 150m, 90m, 90m),      // 10.00 short of 100.00: an underpayment
            Claim("PCN-D", 150m, 100m, 100m),
        ]), ct);
        await File.WriteAllTextAsync(Path.Combine(temp.Sub("eras"), "2.835"), Era("T2", new DateOnly(2026, 3, 2),
            [Claim("PCN-E", 150m, 100m, 100m)], ("WO", "PCN-A", 25m), ("FB", "PCN-NOPE", 5m), ("L6", "", -1.5m)), ct);
        Assert.Equal(0, (await CliRun.RunAsync("contracts", "import", temp.Sub("rates.csv"), "--db", temp.ConnectionString)).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync("import", temp.Sub("eras"), "--db", temp.ConnectionString)).ExitCode);

        var run = await CliRun.RunAsync("report", "payers", "--db", temp.ConnectionString, "--json");

        Assert.Equal(0, run.ExitCode);
        var payer = Assert.Single(run.Json().GetProperty("payers").EnumerateArray().ToList());
        Assert.Equal("SYNTHETIC HEALTH PLAN", payer.GetProperty("payer").GetString());
        Assert.Equal(5, payer.GetProperty("claims").GetInt64());
        Assert.Equal(1, payer.GetProperty("denialCases").GetInt64());           // the underpayment is not a denial
        Assert.Equal(150m, payer.GetProperty("deniedAmount").GetDecimal());
        Assert.Equal(0.2, payer.GetProperty("denialRate").GetDouble(), 9);      // 1 of 5
        var cause = Assert.Single(payer.GetProperty("topRootCauses").EnumerateArray().ToList());
        Assert.Equal((1, 1.0), (cause.GetProperty("cases").GetInt64(), cause.GetProperty("share").GetDouble()));
        Assert.Equal(0, payer.GetProperty("appealsDecided").GetInt64());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, payer.GetProperty("overturnRate").ValueKind);
        Assert.Equal(1, payer.GetProperty("underpaymentCases").GetInt64());
        Assert.Equal(10m, payer.GetProperty("underpaymentAmount").GetDecimal());
        Assert.Equal(0.2, payer.GetProperty("underpaymentRate").GetDouble(), 9);
        Assert.Equal(2, payer.GetProperty("takeBacks").GetInt64());             // WO and FB; L6 is interest paid
        Assert.Equal(30m, payer.GetProperty("takeBackAmount").GetDecimal());
        Assert.Equal(1, payer.GetProperty("unlinkedTakeBacks").GetInt64());
        Assert.Empty(payer.GetProperty("overturnByLevel").EnumerateArray());   // nothing appealed yet
        Assert.Equal(System.Text.Json.JsonValueKind.Null, payer.GetProperty("averageDaysDenialToRecovery").ValueKind);
        // Paid claims served 2026-01-15: A, C, D paid 2026-02-02 (18 days), E paid 2026-03-02 (46 days); B paid nothing.
        Assert.Equal(4, payer.GetProperty("paidClaimsWithServiceDate").GetInt64());
        Assert.Equal(25.0, payer.GetProperty("averageDaysServiceToPayment").GetDouble(), 9);

        var march = (await CliRun.RunAsync("report", "payers", "--from", "2026-03-01", "--db", temp.ConnectionString, "--json")).Json();
        var later = Assert.Single(march.GetProperty("payers").EnumerateArray().ToList());
        Assert.Equal((1, 0, 2), (later.GetProperty("claims").GetInt64(), later.GetProperty("denialCases").GetInt64(), later.GetProperty("takeBacks").GetInt64()));

        // Month by month, without dates: the twelve months up to the last month with data (March 2026); only February and
        // March hold anything, and their counts and amounts add up to the whole range's.
        var byMonth = await CliRun.RunAsync("report", "payers", "--by-month", "--db", temp.ConnectionString, "--json");
        Assert.Equal(0, byMonth.ExitCode);
        var months = byMonth.Json().GetProperty("months").EnumerateArray().ToList();
        Assert.Equal(12, months.Count);
        Assert.Equal(("2025-04", "2026-03"), (months[0].GetProperty("month").GetString(), months[^1].GetProperty("month").GetString()));
        var filled = months.Where(m => m.GetProperty("payers").GetArrayLength() > 0)
            .ToDictionary(m => m.GetProperty("month").GetString()!, m => Assert.Single(m.GetProperty("payers").EnumerateArray().ToList()));
        Assert.Equal(["2026-02", "2026-03"], filled.Keys);
        var (february, marchOnly) = (filled["2026-02"], filled["2026-03"]);
        Assert.Equal((4L, 1L, 150m, 0.25), (february.GetProperty("claims").GetInt64(), february.GetProperty("denialCases").GetInt64(),
            february.GetProperty("deniedAmount").GetDecimal(), february.GetProperty("denialRate").GetDouble()));
        Assert.Equal((1L, 10m, 0L), (february.GetProperty("underpaymentCases").GetInt64(), february.GetProperty("underpaymentAmount").GetDecimal(),
            february.GetProperty("takeBacks").GetInt64()));
        Assert.Equal((1L, 0L, 2L, 30m), (marchOnly.GetProperty("claims").GetInt64(), marchOnly.GetProperty("denialCases").GetInt64(),
            marchOnly.GetProperty("takeBacks").GetInt64(), marchOnly.GetProperty("takeBackAmount").GetDecimal()));
        foreach (var key in new[] { "claims", "denialCases", "underpaymentCases", "takeBacks", "paidClaimsWithServiceDate" })
            Assert.Equal(payer.GetProperty(key).GetInt64(), filled.Values.Sum(m => m.GetProperty(key).GetInt64()));

        var range = (await CliRun.RunAsync("report", "payers", "--by-month", "--from", "2026-02-15", "--to", "2026-03-31", "--db", temp.ConnectionString, "--json")).Json();
        Assert.Equal(["2026-02", "2026-03"], range.GetProperty("months").EnumerateArray().Select(m => m.GetProperty("month").GetString()));
        Assert.Equal(0, range.GetProperty("months")[0].GetProperty("payers").GetArrayLength());   // 2026-02-02 is before the range
        var text = await CliRun.RunAsync("report", "payers", "--by-month", "--from", "2026-03-01", "--to", "2026-03-31", "--db", temp.ConnectionString);
        Assert.Contains("2026-03", text.Output);
        Assert.Contains("SYNTHETIC HEALTH PLAN", text.Output);
    }
}
