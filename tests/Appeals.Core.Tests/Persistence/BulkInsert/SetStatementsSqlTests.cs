using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Appeals.Core.Persistence.BulkInsert;

namespace Appeals.Core.Tests.Persistence.BulkInsert;

/// <summary>
/// The statements of the set-based outcome write (ADR 0077) as each provider is sent them, built from a context that never
/// connects: SQL Server has no test server, so its statement and the JSON of one changed case are checked here; SQLite and
/// PostgreSQL run the same code against real databases in the workflows' SetBasedOutcomesTests.
/// </summary>
public class SetStatementsSqlTests
{
    private static readonly DateTimeOffset At = new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero).AddTicks(1234567);
    private static readonly Guid Stamp = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

    private static DenialCase Case() => new()
    {
        Id = 7, PatientControlNumber = "ACCT-1", Category = "medical_necessity", PrimaryReason = "CO-50", DeniedAmount = 250m,
        WorkflowRoute = "appeal_letter", WorkflowVersion = 1, WorkflowState = "open", Version = Stamp,
    };

    private static (string Sql, string Json) Statement(DatabaseProvider provider, string connectionString)
    {
        using var db = AppealsDatabase.CreateContext(provider, connectionString, Builders.TestDatabase.Phi);
        var after = Case();
        after.RecordRecovery(250m);
        after.RecordMove("overturned", DenialCaseStatus.Recovered, final: true, "open", "paid", "system:era", "", At);
        var (sql, json) = SetStatements.UpdateStatement(db, ["RecoveredAmount", "Status", "ClosedAt", "WorkflowState", "Version"], Case(), after);
        // The row's values as the database reads them out of the JSON (strings unescaped, numbers as written).
        var values = System.Text.Json.JsonDocument.Parse(json).RootElement.EnumerateArray().Single().EnumerateObject()
            .Select(p => p.Value.ValueKind == System.Text.Json.JsonValueKind.String ? $"\"{p.Value.GetString()}\"" : p.Value.GetRawText());
        return (sql, string.Join(" ", values));
    }

    [Fact]
    public void SqlServer_UpdatesFromOpenJsonJoinedOnKeyAndStamp_WithTheColumnsStoreTypes()
    {
        var (sql, json) = Statement(DatabaseProvider.SqlServer, "Server=unused;Database=Appeals;TrustServerCertificate=True");

        Assert.StartsWith("UPDATE t SET t.[ClosedAt] = j.[c", sql);
        Assert.Matches(@"t\.\[RecoveredAmount\] = j\.\[c\d+\], t\.\[Status\] = j\.\[c\d+\]", sql);
        Assert.Contains("FROM [DenialCases] AS t INNER JOIN OPENJSON(@rows) WITH (", sql);
        Assert.Matches(@"\[c\d+\] decimal\(18,2\) '\$\.c\d+'", sql);
        Assert.Matches(@"\[c\d+\] datetimeoffset '\$\.c\d+'", sql);
        Assert.Matches(@"\[t\d+\] uniqueidentifier '\$\.t\d+'", sql);
        Assert.Matches(@"ON t\.\[Id\] = j\.\[k\d+\] AND t\.\[Version\] = j\.\[t\d+\]$", sql);
        Assert.DoesNotContain("[DeniedAmount]", sql); // only what changed is set
        Assert.Contains("\"recovered\"", json); // the status as its stored code
        Assert.Contains("250", json);
        Assert.Contains("\"2026-06-01T09:00:00.1234567+00:00\"", json);
        Assert.Contains($"\"{Stamp}\"", json); // the stamp read, in the WHERE
        Assert.Contains("7", json);
    }

    [Fact]
    public void PostgreSql_UpdatesFromJsonbToRecordset_TimestampsInMicroseconds()
    {
        var (sql, json) = Statement(DatabaseProvider.PostgreSql, "Host=unused");

        Assert.StartsWith("UPDATE \"DenialCases\" AS t SET \"ClosedAt\" = j.c", sql);
        Assert.Matches(@"""RecoveredAmount"" = j\.c\d+", sql);
        Assert.Contains("FROM jsonb_to_recordset(@rows::jsonb) AS j(", sql);
        Assert.Matches(@"c\d+ numeric\(18,2\)", sql);
        Assert.Matches(@"t\d+ uuid", sql);
        Assert.Contains("\"2026-06-01T09:00:00.123456+00:00\"", json); // Npgsql truncates to microseconds; so does the JSON
    }

    [Fact]
    public void Sqlite_UpdatesFromJsonbEach_ValuesAsMicrosoftDataSqliteWritesThem()
    {
        var (sql, json) = Statement(DatabaseProvider.Sqlite, "Data Source=unused.db");

        Assert.StartsWith("UPDATE \"DenialCases\" AS t SET \"ClosedAt\" = json_extract(j.value, '$.c", sql);
        Assert.Matches(@"""RecoveredAmount"" = json_extract\(j\.value, '\$\.c\d+'\)", sql);
        // jsonb_each, not json_each: each row's value stays SQLite's parsed form, which json_extract reads without parsing again.
        Assert.Contains("FROM jsonb_each(@rows) AS j WHERE t.\"Id\" = json_extract(j.value, '$.k", sql);
        Assert.Contains("\"250.0\"", json);
        Assert.Contains("\"2026-06-01 09:00:00.1234567+00:00\"", json);
        Assert.Contains($"\"{Stamp.ToString().ToUpperInvariant()}\"", json);
    }
}
