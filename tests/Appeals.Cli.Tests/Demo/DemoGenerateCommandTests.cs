using Appeals.Cli.Tests.Common;
using Appeals.Core.Demo;

namespace Appeals.Cli.Tests.Demo;

public sealed class DemoGenerateCommandTests
{
    [Fact]
    public async Task DemoGenerate_SameSeed_WritesIdenticalFiles()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, (await CliRun.RunAsync("demo", "generate", "--out", temp.Sub("a"), "--seed", "11", "--claims", "300")).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync("demo", "generate", "--out", temp.Sub("b"), "--seed", "11", "--claims", "300")).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync("demo", "generate", "--out", temp.Sub("c"), "--seed", "12", "--claims", "300")).ExitCode);

        var a = Snapshot(temp.Sub("a"));
        Assert.NotEmpty(a);
        Assert.Equal(a, Snapshot(temp.Sub("b")));
        Assert.NotEqual(a, Snapshot(temp.Sub("c")));
    }

    [Fact]
    public async Task DemoGenerate_Json_PrintsWhatItWrote()
    {
        using var temp = new TempFolder();

        var run = await CliRun.RunAsync("demo", "generate", "--out", temp.Sub("demo"), "--seed", "11", "--claims", "300", "--history-rows", "50", "--json");

        Assert.Equal(0, run.ExitCode);
        var json = run.Json();
        Assert.Equal(["claims", "denials", "deniedAmount", "files", "historyRows", "out", "recovered", "remittances", "seed"],
            json.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(Path.GetFullPath(temp.Sub("demo")), json.GetProperty("out").GetString());
        Assert.Equal(300, json.GetProperty("claims").GetInt32());
        Assert.Equal(Directory.GetFiles(temp.Sub("demo")).Count(f => !f.EndsWith(".csv", StringComparison.Ordinal)), json.GetProperty("files").GetInt32());
        Assert.True(json.GetProperty("denials").GetInt32() > 0);
        Assert.Equal(51, (await File.ReadAllLinesAsync(Path.Combine(temp.Sub("demo"), "history.csv"), TestContext.Current.CancellationToken)).Length);
    }

    [Fact]
    public async Task DemoGenerate_Files_ImportWithNoErrorsAndACalibratedDenialRate()
    {
        using var temp = new TempFolder();
        await CliRun.RunAsync("demo", "generate", "--out", temp.Sub("demo"), "--seed", "5", "--claims", "1000");

        var run = await CliRun.RunAsync("import", temp.Sub("demo"), "--db", temp.ConnectionString, "--json");

        Assert.Equal(0, run.ExitCode);
        var json = run.Json();
        Assert.Equal(0, json.GetProperty("rejected").GetInt32());
        Assert.Equal(0, json.GetProperty("errors").GetArrayLength());
        var claims = json.GetProperty("claims").GetInt32();
        var cases = json.GetProperty("denialCases").GetInt32();
        Assert.True(claims >= 1000, $"{claims} claims");
        var rate = (double)cases / claims;
        var calibration = DemoCalibration.FromBenchmarks();
        Assert.InRange(rate, calibration.DenialRateLow, calibration.DenialRateHigh);
    }

    [Fact]
    public async Task DemoGenerate_Files_CarryOnlyVisiblyFakePeople()
    {
        using var temp = new TempFolder();
        await CliRun.RunAsync("demo", "generate", "--out", temp.Path, "--claims", "200");

        var patients = Directory.GetFiles(temp.Path, "*.835")
            .SelectMany(File.ReadLines).Where(l => l.StartsWith("NM1*QC*", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(patients);
        Assert.All(patients, p => Assert.Matches(@"^NM1\*QC\*1\*DEMOPATIENT\*TEST\d{5}\*+MI\*ZZDEMO\d{7}~$", p));
    }

    [Fact]
    public void Generate_LaterRemittances_PayEarlierDenialsWithTheOriginalClaimNumberInRefF8()
    {
        var data = DemoRemittanceGenerator.Generate(new DemoOptions(3, 1500));

        var claims = data.Remittances.SelectMany(r => r.Claims.Select(c => (r.PaymentDate, Claim: c, r.Payer!.Identifier))).ToList();
        var corrections = claims.Where(c => c.Claim.OriginalReferenceNumber.Length > 0 && c.Claim.StatusCode == 1).ToList();
        Assert.NotEmpty(corrections);
        Assert.All(corrections, c =>
        {
            var original = claims.Single(o => o.Claim.PayerClaimControlNumber == c.Claim.OriginalReferenceNumber && o.Claim.StatusCode != 22);
            Assert.Equal(original.Claim.PatientControlNumber, c.Claim.PatientControlNumber);
            Assert.Equal(original.Identifier, c.Identifier);
            Assert.True(c.PaymentDate > original.PaymentDate);
        });
        Assert.Contains(claims, c => c.Claim.StatusCode == 22);
        Assert.Contains(data.Denials, d => d.Recovered);
        Assert.Contains(data.Denials, d => d.ClaimLevel);
        Assert.Contains(data.Denials, d => !d.ClaimLevel);
    }

    [Fact]
    public void Generate_PayerMix_CoversEveryPayerType()
    {
        var data = DemoRemittanceGenerator.Generate(new DemoOptions(9, 800));

        var types = data.Remittances.Select(r => r.Payer!.PayerType).Distinct().Order().ToList();
        Assert.Equal(["commercial", "medicaid", "medicare", "medicare_advantage"], types);
    }

    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), f => File.ReadAllText(f));
}
