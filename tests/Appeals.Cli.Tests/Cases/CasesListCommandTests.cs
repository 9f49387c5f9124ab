using Appeals.Cli.Tests.Common;

namespace Appeals.Cli.Tests.Cases;

public sealed class CasesListCommandTests
{
    [Fact]
    public async Task CasesList_AfterImport_ListsEveryCaseScoredAndInTheQueuesOrderWithTheContractFields()
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
            ["category", "deniedAmount", "expectedRecovery", "id", "kind", "patientControlNumber", "payer", "payerClaimNumber",
             "priority", "priorityExplanation", "recoveredAmount", "recoveryProbability", "status", "takenBackAmount"],
            first.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(0m, first.GetProperty("takenBackAmount").GetDecimal()); // the demo's PLBs take nothing back
        Assert.Equal("denial", first.GetProperty("kind").GetString());
        Assert.StartsWith("DEMO", first.GetProperty("payer").GetString());
        Assert.StartsWith("DEMO", first.GetProperty("patientControlNumber").GetString());
        Assert.False(string.IsNullOrEmpty(first.GetProperty("category").GetString()));
        Assert.All(cases, c => Assert.True(c.GetProperty("deniedAmount").GetDecimal() > 0));
        // Scored by the import itself: no rescoring job has run.
        Assert.All(cases, c => Assert.InRange(c.GetProperty("recoveryProbability").GetDouble(), 0, 1));
        Assert.All(cases, c => Assert.True(c.GetProperty("expectedRecovery").GetDecimal() <= c.GetProperty("deniedAmount").GetDecimal()));
        Assert.All(cases, c => Assert.StartsWith("expected recovery $", c.GetProperty("priorityExplanation").GetString()));
        var order = cases.Select(c => (Priority: c.GetProperty("priority").GetDecimal(), Id: c.GetProperty("id").GetInt64())).ToList();
        Assert.Equal(order.OrderByDescending(o => o.Priority).ThenBy(o => o.Id), order);
        Assert.True(order[0].Priority > 0);
    }

    [Fact]
    public async Task Import_WritesOneAuditEntryNamingTheAccountAndTheCounts()
    {
        using var temp = new TempFolder();
        var imported = await ImportDemo(temp);

        await using var db = Appeals.Core.Persistence.AppealsDatabase.CreateContext(Appeals.Core.Persistence.DatabaseProvider.Sqlite, temp.ConnectionString, TestKeyRing.Protector);
        var entry = Assert.Single(db.AuditEntries.Where(e => e.Action == Appeals.Core.Audit.AuditActions.Import).ToList());
        Assert.Equal($"cli:{Environment.UserName}", entry.UserName);
        Assert.Contains($"{imported} denial cases", entry.Details);
        Assert.True((await new Appeals.Core.Audit.AuditLog(db, TimeProvider.System).VerifyAsync(TestContext.Current.CancellationToken)).Intact);
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
