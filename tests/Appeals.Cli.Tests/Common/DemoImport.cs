namespace Appeals.Cli.Tests.Common;

/// <summary>A small demo data set generated and imported through the CLI, as a user would.</summary>
internal static class DemoImport
{
    /// <summary>Generates 150 claims (seed 2) into temp/demo and imports them; returns the number of denial cases.</summary>
    public static async Task<int> IntoAsync(TempFolder temp)
    {
        Assert.Equal(0, (await CliRun.RunAsync("demo", "generate", "--out", temp.Sub("demo"), "--claims", "150", "--seed", "2", "--history-rows", "0")).ExitCode);
        var import = await CliRun.RunAsync("import", temp.Sub("demo"), "--db", temp.ConnectionString, "--json");
        Assert.Equal(0, import.ExitCode);
        return import.Json().GetProperty("denialCases").GetInt32();
    }
}
