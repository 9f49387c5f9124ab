using System.Reflection;
using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;

namespace Appeals.Cli.Cases;

/// <summary>One case as `cases list` reads it, by either path (<see cref="SqliteCaseList"/> or EF Core).</summary>
internal sealed record CaseListItem(long Id, string Kind, decimal? ShortfallAmount, string Payer, string PatientControlNumber,
    string PayerClaimControlNumber, string Category, decimal DeniedAmount, decimal RecoveredAmount, DenialCaseStatus Status,
    double? RecoveryProbability, decimal? ExpectedRecovery, decimal Priority, DateOnly? AppealDeadline, string DeadlineBasis,
    decimal TakenBackAmount);

/// <summary>
/// `cases list` on a SQLite database whose schema is current, read with one hand-written query on a plain connection: no
/// service container, no EF Core context, model or query compilation, which were most of the command's start (ADR 0095).
/// It reads no encrypted column, so it needs no key ring either. Anything else (another provider, a database that does not
/// exist yet or has a migration pending) gets null, and the command takes the EF Core path, which migrates first.
/// The query is the one EF Core runs for the same LINQ, and the values are read as EF Core's SQLite mappings read them
/// (decimals stored as text, the priority as a float, the status as its code); a test compares the two paths row by row.
/// </summary>
internal static class SqliteCaseList
{
    private const string Select = """
        SELECT "d"."Id", "d"."Kind", "d"."ShortfallAmount", "p"."Name", "d"."PatientControlNumber", "d"."PayerClaimControlNumber",
               "d"."Category", "d"."DeniedAmount", "d"."RecoveredAmount", "d"."Status", "d"."RecoveryProbability", "d"."ExpectedRecovery",
               "d"."Priority", "d"."AppealDeadline", "d"."DeadlineBasis", "d"."TakenBackAmount"
        FROM "DenialCases" AS "d"
        INNER JOIN "Payers" AS "p" ON "d"."PayerId" = "p"."Id"
        """;

    /// <summary>The ids of the SQLite migrations this build carries, found as EF Core finds them (by their attributes).</summary>
    private static readonly Lazy<string[]> MigrationIds = new(() => typeof(SqliteAppealsDbContext).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(Migration)) && !t.IsAbstract
                    && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == typeof(SqliteAppealsDbContext))
        .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
        .OfType<string>()
        .ToArray());

    /// <summary>The cases in the queue's order (priority, then id), or null when this path does not apply (see the type).</summary>
    public static async Task<List<CaseListItem>?> TryReadAsync(IConfiguration configuration, DenialCaseStatus? status, string? kind, CancellationToken ct)
    {
        if (AppealsDatabase.ParseProvider(configuration["Database:Provider"]) != DatabaseProvider.Sqlite) return null;
        var connectionString = AppealsDatabase.ResolveConnectionString(DatabaseProvider.Sqlite, configuration.GetConnectionString("Appeals"));
        var file = new SqliteConnectionStringBuilder(connectionString);
        // Opening would create a missing file: a database that is not there yet is the EF Core path's to create and migrate.
        if (file.Mode == SqliteOpenMode.Memory || file.DataSource is "" or ":memory:" || !File.Exists(file.DataSource)) return null;
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        if (!await IsCurrentAsync(connection, ct)) return null;

        await using var command = connection.CreateCommand();
        var where = new List<string>(2);
        if (status is { } s)
        {
            where.Add("\"d\".\"Status\" = $status");
            command.Parameters.AddWithValue("$status", s.Code);
        }
        if (kind is not null)
        {
            where.Add("\"d\".\"Kind\" = $kind");
            command.Parameters.AddWithValue("$kind", kind);
        }
        command.CommandText = Select + (where.Count > 0 ? "\nWHERE " + string.Join(" AND ", where) : "") +
                              "\nORDER BY \"d\".\"Priority\" DESC, \"d\".\"Id\"";
        var cases = new List<CaseListItem>();
        await using var r = await command.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            cases.Add(new CaseListItem(
                r.GetInt64(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetDecimal(2), r.GetString(3), r.GetString(4), r.GetString(5),
                r.GetString(6), r.GetDecimal(7), r.GetDecimal(8), DenialCaseStatus.FromCode(r.GetString(9)),
                r.IsDBNull(10) ? null : r.GetDouble(10), r.IsDBNull(11) ? null : r.GetDecimal(11),
                (decimal)r.GetDouble(12), // stored as a float (a sort key): EF Core's converter casts it back the same way
                r.IsDBNull(13) ? null : r.GetFieldValue<DateOnly>(13), r.GetString(14), r.GetDecimal(15)));
        }
        return cases;
    }

    /// <summary>Whether every migration of this build is in the database's history (what <see cref="AppealsDatabase.MigrateAsync"/> checks).</summary>
    private static async Task<bool> IsCurrentAsync(SqliteConnection connection, CancellationToken ct)
    {
        HashSet<string> applied;
        try
        {
            applied = await AppealsDatabase.SqliteMigrationHistoryAsync(connection, ct);
        }
        catch (SqliteException)
        {
            return false; // anything unexpected is the EF Core path's to report
        }
        return MigrationIds.Value.Length > 0 && MigrationIds.Value.All(applied.Contains);
    }
}
