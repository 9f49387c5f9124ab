using System.Diagnostics;
using System.Text.Json;
using Appeals.Cli.Tests.Common;
using Appeals.Core.Remittances;
using Appeals.Core.Remittances.X12;

namespace Appeals.Cli.Tests.Imports;

/// <summary>
/// One transaction of many claims imports within a bound on the managed heap (ADR 0090): the built command runs as
/// its own process with the runtime's hard heap limit, so going over the bound fails the import instead of passing
/// unnoticed. Read whole, this transaction's claims alone would not fit.
/// </summary>
public sealed class ImportMemoryTests
{
    private const int Claims = 40_000; // about 13 MB in one ST..SE
    private const string HeapLimit = "0x6000000"; // 96 MB: it needs 65-80 MB in parts; read whole it fails at 96 MB

    [Fact]
    public async Task Import_OneLargeTransaction_StaysWithinABoundedManagedHeap()
    {
        using var temp = new TempFolder();
        var file = temp.Sub("one-transaction.835");
        await using (var writer = new StreamWriter(file))
            new Remittance835Writer(writer).WriteInterchange([OneLargeTransaction()]);

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "appeals.dll"), "import", file, "--db", temp.ConnectionString, "--json" })
            start.ArgumentList.Add(arg);
        start.Environment["DOTNET_GCHeapHardLimit"] = HeapLimit;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {await error}");
        using var json = JsonDocument.Parse(await output);
        Assert.Equal((1, Claims, Claims / 4), (json.RootElement.GetProperty("transactions").GetInt32(),
            json.RootElement.GetProperty("claims").GetInt32(), json.RootElement.GetProperty("denialCases").GetInt32()));
    }

    private static Remittance OneLargeTransaction()
    {
        var date = new DateOnly(2026, 11, 2);
        var claims = Enumerable.Range(1, Claims).Select(i =>
        {
            var denied = i % 4 == 0;
            var claim = new ClaimPayment
            {
                PatientControlNumber = $"ACCT-{i:D6}", StatusCode = denied ? 4 : 1, ChargeAmount = 180m, PaymentAmount = denied ? 0m : 150m,
                ClaimFilingIndicator = "CI", PayerClaimControlNumber = $"PCN{i:D9}", PatientLastName = "SYNTHETIC", PatientFirstName = "TESTA",
                MemberId = $"SYN{i:D7}", ServiceDateFrom = date, ServiceDateTo = date,
            };
            var line = new ServiceLine { LineNumber = 1, ProcedureQualifier = "HC", ProcedureCode = "99213", ChargeAmount = 180m, PaidAmount = claim.PaymentAmount, ServiceDate = date };
            claim.ServiceLines.Add(line);
            claim.Adjustments.Add(denied
                ? new Adjustment { GroupCode = "CO", Carc = "50", Amount = 180m, ServiceLine = line }
                : new Adjustment { GroupCode = "CO", Carc = "45", Amount = 30m, ServiceLine = line });
            return claim;
        }).ToList();
        return new Remittance
        {
            ContentHash = "", TransactionControlNumber = "0001", HandlingCode = "I", PaymentMethod = "ACH",
            PaymentAmount = claims.Sum(c => c.PaymentAmount), PaymentDate = date.AddDays(20), ProductionDate = date.AddDays(19), TraceNumber = "TRACE-LARGE",
            Payer = new Payer { Identifier = "SYNPAYER1", Name = "SYNTHETIC HEALTH PLAN" }, PayeeName = "EXAMPLE CLINIC", PayeeIdentifier = "1999999984",
            Claims = claims,
        };
    }
}
