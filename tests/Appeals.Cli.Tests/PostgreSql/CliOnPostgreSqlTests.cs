using System.Text.Json;
using Appeals.Cli.Tests.Common;
using Appeals.Tests.Shared;

namespace Appeals.Cli.Tests.PostgreSql;

/// <summary>`--provider postgres`: the CLI migrates an empty PostgreSQL database, imports into it and reads it back.</summary>
public sealed class CliOnPostgreSqlTests : IRunsOnPostgreSql
{
    [Fact]
    public async Task Import_WithProviderPostgres_StoresAndListsTheCases_AndASecondImportIsDuplicate()
    {
        using var temp = new TempFolder();
        var database = await PostgreSqlTestServer.CreateEmptyDatabaseAsync(TestContext.Current.CancellationToken);
        try
        {
            var generate = await CliRun.RunAsync("demo", "generate", "--out", temp.Sub("demo"), "--claims", "120", "--seed", "3");
            Assert.Equal(0, generate.ExitCode);
            var files = Directory.GetFiles(temp.Sub("demo"), "*.835").Length;

            var first = await CliRun.RunAsync("import", temp.Sub("demo"), "--provider", "postgres", "--db", database, "--json");
            var cases = await CliRun.RunAsync("cases", "list", "--status", "open", "--provider", "postgres", "--db", database, "--json");
            var again = await CliRun.RunAsync("import", temp.Sub("demo"), "--provider", "postgres", "--db", database, "--json");

            Assert.Equal(0, first.ExitCode);
            var imported = first.Json();
            Assert.Equal((files, 0), (imported.GetProperty("imported").GetInt32(), imported.GetProperty("errors").GetArrayLength()));
            Assert.True(imported.GetProperty("denialCases").GetInt32() > 0);
            Assert.Equal(0, cases.ExitCode);
            var listed = cases.Json();
            Assert.True(listed.GetProperty("count").GetInt32() > 0);
            var priorities = listed.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("priority").GetDouble()).ToList();
            Assert.Equal(priorities.OrderDescending(), priorities); // the queue's order, from PostgreSQL
            Assert.Equal((files, 0, 0), (again.Json().GetProperty("duplicates").GetInt32(), again.Json().GetProperty("imported").GetInt32(), again.Json().GetProperty("transactions").GetInt32()));
        }
        finally
        {
            await PostgreSqlTestServer.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task UnknownProvider_IsRefusedNamingTheThree()
    {
        var run = await CliRun.RunAsync("cases", "list", "--provider", "oracle", "--json");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--provider must be sqlite, sqlserver or postgres", run.Output);
    }
}
