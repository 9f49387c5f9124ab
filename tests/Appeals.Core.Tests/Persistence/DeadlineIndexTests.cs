using Appeals.Core.Denials;
using Appeals.Core.Tests.Builders;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Core.Tests.Persistence;

/// <summary>
/// The dashboard's "passed but not yet marked" count seeks the unmarked deadlines (IX_DenialCases_Deadlines has
/// DeadlineMissed before the date): at a million cases it reads what passed since the daily sweep, not every deadline
/// that ever passed (which took seconds on PostgreSQL with the date first).
/// </summary>
public sealed class DeadlineIndexTests
{
    [Fact]
    public async Task ThePassedButUnmarkedCount_SeeksUnmarkedDeadlinesByDate()
    {
        await using var database = await TestDatabase.CreateAsync(Core.Persistence.DatabaseProvider.Sqlite);
        await using var db = database.Open();
        var today = new DateOnly(2026, 12, 7);
        var count = db.DenialCases.AsNoTracking().PassedNotYetMarked(today);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var explain = connection.CreateCommand();
        // ToQueryString starts with the sqlite3 shell's ".param set" lines; the plan needs no parameter values.
        var sql = string.Join('\n', count.ToQueryString().Split('\n').Where(line => !line.StartsWith(".param", StringComparison.Ordinal)));
        explain.CommandText = "EXPLAIN QUERY PLAN " + sql;

        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync(TestContext.Current.CancellationToken))
            while (await reader.ReadAsync(TestContext.Current.CancellationToken)) plan.Add(reader.GetString(3));

        Assert.True(plan.Any(step => step.Contains("IX_DenialCases_Deadlines (Status=? AND DeadlineMissed=? AND AppealDeadline", StringComparison.Ordinal)), string.Join(" | ", plan));
    }
}
