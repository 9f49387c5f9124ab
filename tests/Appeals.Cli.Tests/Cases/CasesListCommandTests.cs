using Appeals.Cli.Tests.Common;

namespace Appeals.Cli.Tests.Cases;

public sealed class CasesListCommandTests
{
    [Fact]
    public async Task CasesList_Json_ListsEveryImportedCaseWithTheContractFields()
    {
        using var temp = new TempFolder();
        var imported = await ImportDemo(temp);

        var run = await CliRun.RunAsync("cases", "list", "--db", temp.ConnectionString, "--json");

        Assert.Equal(0, run.ExitCode);
        var json = run.Json();
        Assert.Equal(imported, json.GetProperty("count").GetInt32());
        var cases = json.GetProperty("cases").EnumerateArray().ToList();
        Assert.Equal(imported, cases.Count);
        var first = cases[0];
        Assert.Equal(
            ["category", "deniedAmount", "id", "patientControlNumber", "payer", "payerClaimNumber", "recoveredAmount", "status"],
            first.EnumerateObject().Select(p => p.Name).Order());
        Assert.StartsWith("DEMO", first.GetProperty("payer").GetString());
        Assert.StartsWith("DEMO", first.GetProperty("patientControlNumber").GetString());
        Assert.False(string.IsNullOrEmpty(first.GetProperty("category").GetString()));
        var denied = cases.Select(c => c.GetProperty("deniedAmount").GetDecimal()).ToList();
        Assert.All(denied, d => Assert.True(d > 0));
        Assert.Equal(denied.OrderDescending(), denied);
    }

    [Fact]
    public async Task CasesList_Status_KeepsOnlyCasesInThatStatus()
    {
        using var temp = new TempFolder();
        var imported = await ImportDemo(temp);

        var open = (await CliRun.RunAsync("cases", "list", "--status", "open", "--db", temp.ConnectionString, "--json")).Json();
        var writtenOff = (await CliRun.RunAsync("cases", "list", "--status", "written_off", "--db", temp.ConnectionString, "--json")).Json();

        Assert.All(open.GetProperty("cases").EnumerateArray(), c => Assert.Equal("open", c.GetProperty("status").GetString()));
        Assert.True(open.GetProperty("count").GetInt32() > 0);
        Assert.True(open.GetProperty("count").GetInt32() <= imported);
        Assert.Equal(0, writtenOff.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task CasesList_UnknownStatus_IsRefused()
    {
        using var temp = new TempFolder();

        var run = await CliRun.RunAsync("cases", "list", "--status", "lost", "--db", temp.ConnectionString);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--status", run.Output);
    }

    [Fact]
    public async Task CasesList_WithoutJson_PrintsATable()
    {
        using var temp = new TempFolder();
        var imported = await ImportDemo(temp);

        var run = await CliRun.RunAsync("cases", "list", "--db", temp.ConnectionString);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Patient control #", run.Output);
        Assert.Contains($"{imported} case(s)", run.Output);
    }

    private static async Task<int> ImportDemo(TempFolder temp)
    {
        await CliRun.RunAsync("demo", "generate", "--out", temp.Sub("demo"), "--claims", "150", "--seed", "2");
        var import = await CliRun.RunAsync("import", temp.Sub("demo"), "--db", temp.ConnectionString, "--json");
        Assert.Equal(0, import.ExitCode);
        return import.Json().GetProperty("denialCases").GetInt32();
    }
}
