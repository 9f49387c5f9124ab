using System.Diagnostics;
using Appeals.Cli.Tests.Common;
using Appeals.Core.Persistence;
using Appeals.Core.Remittances.X12;
using Appeals.Core.Rollups;
using Appeals.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Cli.Tests.PostgreSql;

/// <summary>
/// A node killed in the middle of an import (the built `appeals` process, SIGKILL) loses nothing and leaves no half
/// transaction in PostgreSQL: the database rolls back the open transaction, and importing the file again resumes it.
/// </summary>
public sealed class NodeKilledDuringImportTests : IRunsOnPostgreSql
{
    private const int Transactions = 400, ClaimsEach = 100;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Import_KilledAfterItsFirstCommits_ThenRunAgain_StoresEveryTransactionWholeAndOnce()
    {
        using var temp = new TempFolder();
        var database = await PostgreSqlTestServer.CreateEmptyDatabaseAsync(Ct);
        try
        {
            var file = temp.Sub("large.835");
            await using (var writer = new StreamWriter(file))
                new Remittance835Writer(writer).WriteInterchange(Enumerable.Range(1, Transactions).Select(t => SyntheticEra.Transaction($"K{t:D4}", ClaimsEach)).ToList());
            using var db = AppealsDatabase.CreateContext(DatabaseProvider.PostgreSql, database, Appeals.Core.Privacy.PhiKeyRing.Ephemeral());

            using (var node = Start(temp, file, database))
            {
                // Wait for the first transactions to be committed, then kill the node as a power cut would.
                var deadline = DateTime.UtcNow.AddMinutes(3);
                while (!node.HasExited && DateTime.UtcNow < deadline && !await HasRemittancesAsync(db)) await Task.Delay(50, Ct);
                Assert.False(node.HasExited, "the import ended before it could be killed: make the file larger");
                node.Kill(entireProcessTree: true);
                await node.WaitForExitAsync(Ct);
            }
            var before = await db.Remittances.CountAsync(Ct);

            using (var again = Start(temp, file, database))
            {
                var error = again.StandardError.ReadToEndAsync(Ct);
                await again.WaitForExitAsync(Ct);
                Assert.True(again.ExitCode == 0, $"exit {again.ExitCode}: {await error}");
            }

            Assert.InRange(before, 1, Transactions - 1);
            Assert.Equal(Transactions, await db.Remittances.CountAsync(Ct));
            Assert.Equal(Transactions * ClaimsEach, await db.ClaimPayments.CountAsync(Ct));
            Assert.Equal(0, await db.ClaimPayments.GroupBy(c => c.RemittanceId).CountAsync(g => g.Count() != ClaimsEach, Ct));
            Assert.Equal(Transactions * ClaimsEach / 4, await db.DenialCases.CountAsync(Ct));
            Assert.Equal(Appeals.Core.Imports.ImportStatus.Imported, (await db.ImportedFiles.SingleAsync(Ct)).Status);
            Assert.Empty(await RollupCheck.DifferencesAsync(db, Ct));
        }
        finally
        {
            await PostgreSqlTestServer.DropDatabaseAsync(database);
        }
    }

    private static async Task<bool> HasRemittancesAsync(AppealsDbContext db)
    {
        try { return await db.Remittances.AnyAsync(Ct); }
        catch (Npgsql.PostgresException) { return false; } // the node has not created the tables yet
    }

    private static Process Start(TempFolder temp, string file, string database)
    {
        // Its JSON summary is not read: what counts is what the database holds.
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = false, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "appeals.dll"), "import", file, "--provider", "postgres", "--db", database, "--json" })
            start.ArgumentList.Add(arg);
        start.Environment["DataProtection__KeysPath"] = temp.Sub("keys");
        return Process.Start(start)!;
    }
}
