using Appeals.Cli.Tests.Common;

namespace Appeals.Cli.Tests.Reports;

public sealed class ReportCommandsTests
{
    [Fact]
    public async Task Kpis_Json_PrintsTheKpisAndTheDenialRatesByEveryDimension()
    {
        using var temp = new TempFolder();
        var cases = await DemoImport.IntoAsync(temp);

        var run = await CliRun.RunAsync("report", "kpis", "--db", temp.ConnectionString, "--json");

        Assert.True(run.ExitCode == 0, run.Output);
        var json = run.Json();
        Assert.Equal(["denialRates", "kpis"], json.EnumerateObject().Select(p => p.Name).Order());
        var kpis = json.GetProperty("kpis");
        Assert.Equal(cases, kpis.GetProperty("denialCases").GetInt32());
        Assert.True(kpis.GetProperty("adjudicatedClaims").GetInt32() >= cases);
        Assert.InRange(kpis.GetProperty("initialDenialRateByCount").GetProperty("value").GetDouble(), 0, 1);
        Assert.NotEmpty(kpis.GetProperty("openCasesByAge").EnumerateArray());
        var rates = json.GetProperty("denialRates");
        Assert.Equal(["carc", "category", "month", "payer", "procedure", "provider"], rates.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(cases, rates.GetProperty("category").EnumerateArray().Sum(r => r.GetProperty("denials").GetInt32()));
    }

    [Fact]
    public async Task Chart_Json_PrintsTheFileAndTheRowsDrawn()
    {
        using var temp = new TempFolder();
        var cases = await DemoImport.IntoAsync(temp);
        var file = temp.Sub("pareto.svg");

        var run = await CliRun.RunAsync("report", "chart", "pareto", "--out", file, "--db", temp.ConnectionString, "--json");

        Assert.True(run.ExitCode == 0, run.Output);
        var json = run.Json();
        Assert.Equal(["chart", "columns", "empty", "file", "rows", "title"], json.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("pareto", json.GetProperty("chart").GetString());
        Assert.Equal(file, json.GetProperty("file").GetString());
        Assert.True(File.Exists(file));
        Assert.False(json.GetProperty("empty").GetBoolean());
        var columns = json.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToList();
        var rows = json.GetProperty("rows").EnumerateArray().ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(columns.Order(), r.EnumerateObject().Select(p => p.Name).Order()));
    }
}
