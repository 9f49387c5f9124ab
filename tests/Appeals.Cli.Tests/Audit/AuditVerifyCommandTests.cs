using Appeals.Cli.Tests.Common;
using Appeals.Core.Audit;
using Appeals.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Cli.Tests.Audit;

public sealed class AuditVerifyCommandTests
{
    private static async Task AppendRowsAsync(TempFolder temp, int count)
    {
        await using var db = AppealsDatabase.CreateContext(DatabaseProvider.Sqlite, temp.ConnectionString, TestKeyRing.Protector);
        await AppealsDatabase.MigrateAsync(db, TestContext.Current.CancellationToken);
        var log = new AuditLog(db, TimeProvider.System);
        for (var i = 1; i <= count; i++)
            await log.AppendAsync("specialist", AuditActions.CaseView, "DenialCase", i.ToString(), details: $"view {i}", ct: TestContext.Current.CancellationToken);
    }

    private static async Task ExecuteAsync(TempFolder temp, string sql)
    {
        await using var db = AppealsDatabase.CreateContext(DatabaseProvider.Sqlite, temp.ConnectionString, TestKeyRing.Protector);
        await db.Database.ExecuteSqlRawAsync(sql, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Verify_UntouchedLog_IsIntact()
    {
        using var temp = new TempFolder();
        await AppendRowsAsync(temp, 5);

        var run = await CliRun.RunAsync("audit", "verify", "--db", temp.ConnectionString, "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.True(run.Json().GetProperty("intact").GetBoolean());
        Assert.Equal(5, run.Json().GetProperty("rowsChecked").GetInt64());
        Assert.Equal(5, run.Json().GetProperty("checkpoint").GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task Verify_TheLastRowsDeleted_ExitsTwo()
    {
        using var temp = new TempFolder();
        await AppendRowsAsync(temp, 5);
        await ExecuteAsync(temp, "DELETE FROM AuditEntries WHERE Id >= 4");

        var run = await CliRun.RunAsync("audit", "verify", "--db", temp.ConnectionString, "--json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("deleted from the end", run.Json().GetProperty("problem").GetString());
    }

    [Fact]
    public async Task Verify_ARowEditedAndTheChainRecomputedWithoutTheKey_ExitsTwo()
    {
        using var temp = new TempFolder();
        await AppendRowsAsync(temp, 5);
        await using (var db = AppealsDatabase.CreateContext(DatabaseProvider.Sqlite, temp.ConnectionString, TestKeyRing.Protector))
        {
            var rows = await db.AuditEntries.OrderBy(e => e.Id).ToListAsync(TestContext.Current.CancellationToken);
            rows[1].Details = "nothing to see";
            for (var i = 1; i < rows.Count; i++)
            {
                rows[i].PreviousHash = rows[i - 1].Hash;
                rows[i].Hash = AuditChain.ComputeUnkeyedHash(rows[i]);
            }
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var run = await CliRun.RunAsync("audit", "verify", "--db", temp.ConnectionString, "--json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(2, run.Json().GetProperty("firstBrokenId").GetInt64());
    }

    [Fact]
    public async Task Verify_EveryRowDeleted_ExitsTwo()
    {
        using var temp = new TempFolder();
        await AppendRowsAsync(temp, 5);
        await ExecuteAsync(temp, "DELETE FROM AuditEntries");

        var run = await CliRun.RunAsync("audit", "verify", "--db", temp.ConnectionString, "--json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(0, run.Json().GetProperty("rowsChecked").GetInt64());
        Assert.Contains("every row was deleted", run.Json().GetProperty("problem").GetString());
        Assert.Equal(5, run.Json().GetProperty("checkpoint").GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task Verify_ANewDatabaseWithNoRowsYet_IsIntact()
    {
        using var temp = new TempFolder();
        await using (var db = AppealsDatabase.CreateContext(DatabaseProvider.Sqlite, temp.ConnectionString, TestKeyRing.Protector))
            await AppealsDatabase.MigrateAsync(db, TestContext.Current.CancellationToken);

        var run = await CliRun.RunAsync("audit", "verify", "--db", temp.ConnectionString, "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(0, run.Json().GetProperty("rowsChecked").GetInt64());
    }

    [Fact]
    public async Task Verify_ARowChangedInTheDatabase_IsDetectedAtThatRow()
    {
        using var temp = new TempFolder();
        await AppendRowsAsync(temp, 5);
        await ExecuteAsync(temp, "UPDATE AuditEntries SET UserName = 'someone-else' WHERE Id = 3");

        var run = await CliRun.RunAsync("audit", "verify", "--db", temp.ConnectionString, "--json");

        Assert.Equal(2, run.ExitCode);
        Assert.False(run.Json().GetProperty("intact").GetBoolean());
        Assert.Equal(3, run.Json().GetProperty("firstBrokenId").GetInt64());
    }

    [Fact]
    public async Task Verify_ARowDeleted_IsDetectedAtTheNextRow()
    {
        using var temp = new TempFolder();
        await AppendRowsAsync(temp, 5);
        await ExecuteAsync(temp, "DELETE FROM AuditEntries WHERE Id = 2");

        var run = await CliRun.RunAsync("audit", "verify", "--db", temp.ConnectionString);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("row 3 does not follow", run.Output);
    }
}
