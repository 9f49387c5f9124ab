using System.Text.Json;
using Appeals.Cli.Tests.Common;

namespace Appeals.Cli.Tests.Imports;

public sealed class ImportCommandTests
{
    private static readonly string[] ContractFields =
    [
        "files", "imported", "duplicates", "rejected", "partlyImported", "transactions", "claims", "serviceLines", "adjustments",
        "denialCases", "deniedAmount", "chargedAmount", "paidAmount", "warnings", "errors",
    ];

    [Fact]
    public async Task Import_Json_PrintsOneObjectWithEveryContractField()
    {
        using var temp = new TempFolder();
        var files = await Demo(temp, 150);

        var run = await CliRun.RunAsync("import", temp.Sub("demo"), "--db", temp.ConnectionString, "--json");

        Assert.Equal(0, run.ExitCode);
        var json = run.Json();
        Assert.Equal(JsonValueKind.Object, json.ValueKind);
        Assert.Equal(ContractFields.Order(), json.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(files, json.GetProperty("files").GetInt32());
        Assert.Equal(files, json.GetProperty("imported").GetInt32());
        Assert.Equal(0, json.GetProperty("duplicates").GetInt32());
        Assert.Equal(files, json.GetProperty("transactions").GetInt32());
        Assert.True(json.GetProperty("claims").GetInt32() >= 150);
        Assert.True(json.GetProperty("serviceLines").GetInt32() >= json.GetProperty("claims").GetInt32());
        Assert.True(json.GetProperty("adjustments").GetInt32() > 0);
        Assert.True(json.GetProperty("denialCases").GetInt32() > 0);
        var charged = json.GetProperty("chargedAmount").GetDecimal();
        var paid = json.GetProperty("paidAmount").GetDecimal();
        var denied = json.GetProperty("deniedAmount").GetDecimal();
        Assert.True(paid > 0 && paid < charged, $"paid {paid} of {charged}");
        Assert.True(denied > 0 && denied < charged, $"denied {denied} of {charged}");
        Assert.Equal(JsonValueKind.Array, json.GetProperty("warnings").ValueKind);
        Assert.Equal(0, json.GetProperty("errors").GetArrayLength());
    }

    [Fact]
    public async Task Import_DryRun_NeedsNoDatabase()
    {
        using var temp = new TempFolder();
        await Demo(temp, 50);
        var folder = temp.Sub("no-such-folder");

        var dry = await CliRun.RunAsync("import", temp.Sub("demo"), "--db", $"Data Source={Path.Combine(folder, "appeals.db")}", "--json", "--dry-run");

        Assert.Equal(0, dry.ExitCode);
        Assert.True(dry.Json().GetProperty("denialCases").GetInt32() > 0, "a dry run still detects");
        Assert.False(Directory.Exists(folder), "a dry run creates no database");
    }

    [Fact]
    public async Task Import_SameFolderTwice_CountsDuplicatesAndAddsNothing()
    {
        using var temp = new TempFolder();
        var files = await Demo(temp, 100);
        await CliRun.RunAsync("import", temp.Sub("demo"), "--db", temp.ConnectionString, "--json");

        var again = (await CliRun.RunAsync("import", temp.Sub("demo"), "--db", temp.ConnectionString, "--json")).Json();

        Assert.Equal(files, again.GetProperty("duplicates").GetInt32());
        Assert.Equal(0, again.GetProperty("imported").GetInt32());
        Assert.Equal(0, again.GetProperty("claims").GetInt32());
        Assert.Equal(0, again.GetProperty("denialCases").GetInt32());
    }

    [Fact]
    public async Task Import_OneFileNotX12_ExitsWith2AndLocatesTheError()
    {
        using var temp = new TempFolder();
        var files = await Demo(temp, 60);
        var bad = Path.Combine(temp.Sub("demo"), "zz-not-an-era.835");
        await File.WriteAllTextAsync(bad, "this is a letter, not a remittance", TestContext.Current.CancellationToken);

        var run = await CliRun.RunAsync("import", temp.Sub("demo"), "--db", temp.ConnectionString, "--json");

        Assert.Equal(2, run.ExitCode);
        var json = run.Json();
        Assert.Equal(1, json.GetProperty("rejected").GetInt32());
        Assert.Equal(files, json.GetProperty("imported").GetInt32());
        var error = Assert.Single(json.GetProperty("errors").EnumerateArray());
        Assert.Equal(["file", "message", "offset", "segment"], error.EnumerateObject().Select(p => p.Name).Order());
        Assert.Contains("zz-not-an-era.835", error.GetProperty("file").GetString());
        Assert.True(error.GetProperty("segment").GetInt64() >= 0);
        Assert.True(error.GetProperty("offset").GetInt64() >= 0);
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Import_DryRun_WritesNothing()
    {
        using var temp = new TempFolder();
        var files = await Demo(temp, 100);

        var dry = await CliRun.RunAsync("import", temp.Sub("demo"), "--db", temp.ConnectionString, "--json", "--dry-run");

        Assert.Equal(0, dry.ExitCode);
        Assert.True(dry.Json().GetProperty("denialCases").GetInt32() > 0, "a dry run still detects");
        var cases = (await CliRun.RunAsync("cases", "list", "--db", temp.ConnectionString, "--json")).Json();
        Assert.Equal(0, cases.GetProperty("count").GetInt32());
        var real = (await CliRun.RunAsync("import", temp.Sub("demo"), "--db", temp.ConnectionString, "--json")).Json();
        Assert.Equal(files, real.GetProperty("imported").GetInt32());
    }

    [Fact]
    public async Task Import_WithoutJson_PrintsAReadableSummary()
    {
        using var temp = new TempFolder();
        await Demo(temp, 50);

        var run = await CliRun.RunAsync("import", temp.Sub("demo"), "--db", temp.ConnectionString);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Denial cases", run.Output);
        Assert.Contains("Claims", run.Output);
        Assert.DoesNotContain("{", run.Output);
    }

    [Fact]
    public async Task Import_MissingPath_IsRefusedBeforeTouchingTheDatabase()
    {
        using var temp = new TempFolder();

        var run = await CliRun.RunAsync("import", temp.Sub("nowhere"), "--db", temp.ConnectionString);

        Assert.NotEqual(0, run.ExitCode);
        Assert.False(File.Exists(temp.DatabaseFile));
    }

    private static async Task<int> Demo(TempFolder temp, int claims)
    {
        var run = await CliRun.RunAsync("demo", "generate", "--out", temp.Sub("demo"), "--claims", claims.ToString(System.Globalization.CultureInfo.InvariantCulture), "--seed", "1");
        Assert.Equal(0, run.ExitCode);
        return Directory.GetFiles(temp.Sub("demo"), "*.835").Length;
    }
}
