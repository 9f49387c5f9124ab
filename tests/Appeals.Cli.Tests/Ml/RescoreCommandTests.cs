using Appeals.Cli.Tests.Common;

namespace Appeals.Cli.Tests.Ml;

public sealed class RescoreCommandTests
{
    [Fact]
    public async Task Rescore_Json_PrintsHowManyOpenCasesWereRescoredAndWithWhat()
    {
        using var temp = new TempFolder();
        await DemoImport.IntoAsync(temp);
        var open = (await CliRun.RunAsync("cases", "list", "--status", "open", "--db", temp.ConnectionString, "--json")).Json().GetProperty("count").GetInt32();
        var inProgress = (await CliRun.RunAsync("cases", "list", "--status", "in_progress", "--db", temp.ConnectionString, "--json")).Json().GetProperty("count").GetInt32();
        var appealed = (await CliRun.RunAsync("cases", "list", "--status", "appealed", "--db", temp.ConnectionString, "--json")).Json().GetProperty("count").GetInt32();

        var run = await CliRun.RunAsync("ml", "rescore", "--db", temp.ConnectionString, "--json");

        Assert.True(run.ExitCode == 0, run.Output);
        var json = run.Json();
        Assert.Equal(["rescored", "source"], json.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(open + inProgress + appealed, json.GetProperty("rescored").GetInt32());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("source").GetString()));
    }
}
