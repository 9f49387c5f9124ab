using System.Text.Json;
using Appeals.Cli.Cases;
using Appeals.Cli.Tests.Common;
using Appeals.Core.Denials;
using Microsoft.Data.Sqlite;
using Spectre.Console;

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

    [Fact]
    public async Task CasesList_OnACurrentSqliteDatabase_ReadsWithoutEfCore_ExactlyWhatEfCoreReads()
    {
        using var temp = new TempFolder();
        await ImportDemo(temp);
        // Values the demo does not have: an underpayment with its shortfall, a deadline, a take-back, no score, another status.
        await using (var connection = new SqliteConnection(temp.ConnectionString))
        {
            await connection.OpenAsync(Ct);
            await using var update = connection.CreateCommand();
            update.CommandText = """
                UPDATE "DenialCases" SET "Kind" = 'underpayment', "ShortfallAmount" = '12.34', "AppealDeadline" = '2027-01-02',
                    "TakenBackAmount" = '5.5', "RecoveryProbability" = NULL, "ExpectedRecovery" = NULL, "Status" = 'recovered', "Priority" = 0.125
                WHERE "Id" = (SELECT MIN("Id") FROM "DenialCases");
                UPDATE "DenialCases" SET "AppealDeadline" = '2026-12-31', "Status" = 'in_progress' WHERE "Id" = (SELECT MAX("Id") FROM "DenialCases");
                """;
            await update.ExecuteNonQueryAsync(Ct);
        }
        var settings = new CasesListSettings { ConnectionString = temp.ConnectionString };
        var configuration = settings.BuildConfiguration();
        var command = new CasesListCommand(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(new StringWriter()) }));

        (DenialCaseStatus?, string?)[] filters = [(null, null), (DenialCaseStatus.Open, null), (null, CaseKinds.Underpayment),
            (DenialCaseStatus.Recovered, CaseKinds.Underpayment), (DenialCaseStatus.InProgress, CaseKinds.Denial)];
        foreach (var (status, kind) in filters)
        {
            var fast = await SqliteCaseList.TryReadAsync(configuration, status, kind, Ct);
            var ef = await command.ReadThroughEfCoreAsync(settings, status, kind, Ct);
            Assert.NotNull(fast);
            Assert.NotEmpty(ef);
            // Serialised, so that a decimal read with another scale (5.5 against 5.50) differs too.
            Assert.Equal(JsonSerializer.Serialize(ef), JsonSerializer.Serialize(fast));
        }
    }

    [Fact]
    public async Task CasesList_FastPath_StandsAsideForADatabaseNotThereOrNotCurrent()
    {
        using var temp = new TempFolder();
        var missing = new CasesListSettings { ConnectionString = $"Data Source={temp.Sub("none.db")}" };
        Assert.Null(await SqliteCaseList.TryReadAsync(missing.BuildConfiguration(), null, null, Ct));
        Assert.False(File.Exists(temp.Sub("none.db"))); // opening would have created it

        await ImportDemo(temp);
        var settings = new CasesListSettings { ConnectionString = temp.ConnectionString };
        Assert.NotNull(await SqliteCaseList.TryReadAsync(settings.BuildConfiguration(), null, null, Ct));
        await using (var connection = new SqliteConnection(temp.ConnectionString))
        {
            await connection.OpenAsync(Ct);
            await using var forget = connection.CreateCommand();
            forget.CommandText = """DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" = (SELECT MAX("MigrationId") FROM "__EFMigrationsHistory")""";
            Assert.Equal(1, await forget.ExecuteNonQueryAsync(Ct));
        }
        Assert.Null(await SqliteCaseList.TryReadAsync(settings.BuildConfiguration(), null, null, Ct));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<int> ImportDemo(TempFolder temp)
    {
        await CliRun.RunAsync("demo", "generate", "--out", temp.Sub("demo"), "--claims", "150", "--seed", "2");
        var import = await CliRun.RunAsync("import", temp.Sub("demo"), "--db", temp.ConnectionString, "--json");
        Assert.Equal(0, import.ExitCode);
        return import.Json().GetProperty("denialCases").GetInt32();
    }
}
