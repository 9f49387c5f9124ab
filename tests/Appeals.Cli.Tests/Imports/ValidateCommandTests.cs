using System.Text.Json;
using Appeals.Cli.Tests.Common;

namespace Appeals.Cli.Tests.Imports;

public sealed class ValidateCommandTests
{
    // Claim PCN1 leaves 10.00 of its charge unexplained (level 3, warns); claim PCN2's CAS01 is XX (level 5, refuses).
    private const string Defective =
        "ST*835*0001*005010X221A1~" +
        "BPR*I*260*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999988880*DA*98765*20260110~" +
        "TRN*1*TRACE1*1512345678~" +
        "N1*PR*DEMO PLAN~" +
        "N1*PE*DEMO CLINIC*XX*1999999999~" +
        "CLP*PCN1*1*200*170**12*PCC1~" +
        "DTM*232*20251201~" +
        "SVC*HC:99213*200*170~" +
        "CAS*CO*45*20~" +
        "CLP*PCN2*1*100*90**12*PCC2~" +
        "DTM*232*20251201~" +
        "SVC*HC:99214*100*90~" +
        "CAS*XX*45*10~" +
        "SE*14*0001~";

    private static readonly string[] FindingFields = ["element", "file", "level", "message", "offset", "rule", "segment", "segmentId", "severity"];

    [Fact]
    public async Task Validate_Json_ListsEveryFindingWithWhereRuleLevelAndSeverity_AndExits2WhenSomethingWouldBeRefused()
    {
        using var temp = new TempFolder();
        var path = temp.Sub("defective.835");
        await File.WriteAllTextAsync(path, Defective, TestContext.Current.CancellationToken);

        var run = await CliRun.RunAsync("validate", path, "--json");

        Assert.Equal(2, run.ExitCode);
        var json = run.Json();
        Assert.Equal(["files", "findings", "refusing", "warnings"], json.EnumerateObject().Select(p => p.Name).Order());
        var file = Assert.Single(json.GetProperty("files").EnumerateArray().ToList());
        Assert.Equal(("defective.835", 1, 1, true), (file.GetProperty("file").GetString(), file.GetProperty("transactions").GetInt32(),
            file.GetProperty("refusedTransactions").GetInt32(), file.GetProperty("refused").GetBoolean()));
        var findings = file.GetProperty("findings").EnumerateArray().ToList();
        Assert.All(findings, f => Assert.Equal(FindingFields, f.EnumerateObject().Select(p => p.Name).Order()));
        var balance = Assert.Single(findings, f => f.GetProperty("rule").GetString() == "3.CLP.BALANCE");
        Assert.Equal((6L, (long)Defective.IndexOf("CLP*PCN1", StringComparison.Ordinal), "CLP", "CLP04", 3, "warn"),
            (balance.GetProperty("segment").GetInt64(), balance.GetProperty("offset").GetInt64(), balance.GetProperty("segmentId").GetString(),
             balance.GetProperty("element").GetString(), balance.GetProperty("level").GetInt32(), balance.GetProperty("severity").GetString()));
        Assert.Contains("10.00", balance.GetProperty("message").GetString());
        var group = Assert.Single(findings, f => f.GetProperty("rule").GetString() == "5.CAS.GROUP");
        Assert.Equal((13L, "CAS01", 5, "refuse"), (group.GetProperty("segment").GetInt64(), group.GetProperty("element").GetString(),
            group.GetProperty("level").GetInt32(), group.GetProperty("severity").GetString()));
        Assert.Equal(findings.Count, json.GetProperty("findings").GetInt32());
        Assert.Equal(1, json.GetProperty("refusing").GetInt32());
        var counts = file.GetProperty("counts").EnumerateArray().Select(c => $"{c.GetProperty("level").GetInt32()}/{c.GetProperty("severity").GetString()}={c.GetProperty("count").GetInt32()}");
        Assert.Contains("5/refuse=1", counts);
    }

    [Fact]
    public async Task Validate_Level3_LeavesOutCodeSetFindings_AndExits0WhenNothingLeftRefuses()
    {
        using var temp = new TempFolder();
        var path = temp.Sub("defective.835");
        await File.WriteAllTextAsync(path, Defective, TestContext.Current.CancellationToken);

        var run = await CliRun.RunAsync("validate", path, "--json", "--level", "3");

        Assert.Equal(0, run.ExitCode);
        var rules = run.Json().GetProperty("files")[0].GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("rule").GetString()).ToList();
        Assert.Contains("3.CLP.BALANCE", rules);
        Assert.DoesNotContain(rules, r => r!.StartsWith('4') || r.StartsWith('5'));
    }

    [Fact]
    public async Task Import_SameFile_RefusesWhatValidateRefusesAndWarnsTheRest_NamingTheRule()
    {
        using var temp = new TempFolder();
        var path = temp.Sub("defective.835");
        await File.WriteAllTextAsync(path, Defective, TestContext.Current.CancellationToken);

        var run = await CliRun.RunAsync("import", path, "--dry-run", "--json");

        Assert.Equal(2, run.ExitCode);
        var json = run.Json();
        Assert.Equal(1, json.GetProperty("rejected").GetInt32());
        var error = Assert.Single(json.GetProperty("errors").EnumerateArray().ToList());
        Assert.Equal(13, error.GetProperty("segment").GetInt64());
        Assert.Contains("[5.CAS.GROUP]", error.GetProperty("message").GetString());
        Assert.Contains(json.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("[3.CLP.BALANCE]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_DemoFiles_HaveNoFinding()
    {
        using var temp = new TempFolder();
        var demo = await CliRun.RunAsync("demo", "generate", "--out", temp.Sub("demo"), "--claims", "200", "--seed", "3");
        Assert.Equal(0, demo.ExitCode);

        var run = await CliRun.RunAsync("validate", temp.Sub("demo"), "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(0, run.Json().GetProperty("findings").GetInt32());
    }

    [Fact]
    public async Task Validate_NoSuchFile_SaysWhich()
    {
        var run = await CliRun.RunAsync("validate", "/no/such/era.835");
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("/no/such/era.835", run.Output);
    }
}
