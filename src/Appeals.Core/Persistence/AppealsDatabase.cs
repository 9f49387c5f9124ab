using Appeals.Core.Privacy;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Core.Persistence;

/// <summary>Where the database lives by default, how a context is built for a provider, and how it is brought up to date.</summary>
public static class AppealsDatabase
{
    /// <summary>The SQLite file the CLI and the web app share when no connection string is configured.</summary>
    public static string DefaultSqlitePath { get; } = Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify),
        "Appeals", "appeals.db");

    /// <summary>Reads <c>sqlite</c>, <c>sqlserver</c> or <c>postgres</c> (any case); empty means SQLite.</summary>
    public static DatabaseProvider ParseProvider(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => DatabaseProvider.Sqlite,
        "sqlserver" or "mssql" => DatabaseProvider.SqlServer,
        "postgres" or "postgresql" or "npgsql" => DatabaseProvider.PostgreSql,
        _ => throw new ArgumentException($"Unknown database provider '{name}': use sqlite, sqlserver or postgres.", nameof(name)),
    };

    /// <summary>The connection string to use: the configured one, else the default SQLite file (its folder created).</summary>
    public static string ResolveConnectionString(DatabaseProvider provider, string? connectionString)
    {
        if (!string.IsNullOrWhiteSpace(connectionString)) return connectionString;
        if (provider != DatabaseProvider.Sqlite)
            throw new InvalidOperationException($"Database:Provider is {Name(provider)} but ConnectionStrings:Appeals is not set.");
        Directory.CreateDirectory(Path.GetDirectoryName(DefaultSqlitePath)!);
        return new SqliteConnectionStringBuilder { DataSource = DefaultSqlitePath }.ToString();
    }

    /// <summary>
    /// Points EF at the provider, with the migrations of that provider's context and the PHI protector of its encrypted
    /// columns; on SQLite with the compiled model when this protector holds it (ADR 0092), which spares every command
    /// building the model at start.
    /// </summary>
    public static DbContextOptionsBuilder UseAppealsDatabase(this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString, PhiProtector protector)
    {
        options.UseProvider(provider, connectionString).UsePhiProtector(protector);
#if NO_COMPILED_MODEL // scripts/regenerate-compiled-model.sh builds without it, to write it again
        return options;
#else
        return provider == DatabaseProvider.Sqlite && CompiledModelPhi.Claim(protector)
            ? options.UseModel(CompiledModels.Sqlite.SqliteAppealsDbContextModel.Instance)
            : options;
#endif
    }

    private static DbContextOptionsBuilder UseProvider(this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString) =>
        provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(connectionString).AddInterceptors(SqliteTempStoreInMemory.Instance),
            DatabaseProvider.SqlServer => options.UseSqlServer(connectionString, sql => sql.CommandTimeout(300)),
            DatabaseProvider.PostgreSql => options.UseNpgsql(WithAutoPrepare(connectionString), pg => pg.CommandTimeout(300)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
        };

    /// <summary>How many statements Npgsql keeps prepared per connection when the connection string does not say (ADR 0138).</summary>
    public const int PostgreSqlAutoPrepared = 128;

    /// <summary>
    /// The connection string with Npgsql's automatic preparation on (<c>Max Auto Prepare</c>), unless it sets it itself (0 turns
    /// it off). Unprepared, PostgreSQL parses and plans every statement on every execution: on the case page that planning cost
    /// several times the statements' execution (ADR 0138). Prepared, a statement the app sends again on the same pooled
    /// connection is planned once and reused.
    /// </summary>
    public static string WithAutoPrepare(string connectionString)
    {
        // Npgsql's own builder answers ContainsKey for every keyword it knows, set or not: ask the plain parser what was written.
        var written = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (written.Keys.Cast<string>().Any(k => k.Replace(" ", "", StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
            return connectionString;
        return new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = PostgreSqlAutoPrepared }.ConnectionString;
    }

    /// <summary>
    /// A SQLite context whose model is built at run time, never the compiled one: with <paramref name="forCompiledModel"/>,
    /// the one <c>dotnet ef dbcontext optimize</c> writes the compiled model from, its PHI converters in the form the
    /// compiled model holds (ADR 0092); without, the model the compiled one must equal (CompiledModelTests).
    /// </summary>
    internal static SqliteAppealsDbContext CreateContextForCompiledModel(string connectionString, PhiProtector protector, bool forCompiledModel = true) =>
        new(new DbContextOptionsBuilder().UseProvider(DatabaseProvider.Sqlite, connectionString).UsePhiProtector(protector, forCompiledModel).Options);

    /// <summary>The name configuration and <c>--provider</c> use for <paramref name="provider"/>.</summary>
    public static string Name(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => "sqlite",
        DatabaseProvider.SqlServer => "sqlserver",
        DatabaseProvider.PostgreSql => "postgres",
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    /// <summary>The provider a context runs on.</summary>
    public static DatabaseProvider ProviderOf(Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade database) =>
        database.IsSqlite() ? DatabaseProvider.Sqlite
        : database.IsSqlServer() ? DatabaseProvider.SqlServer
        : database.IsNpgsql() ? DatabaseProvider.PostgreSql
        : throw new NotSupportedException($"Appeals does not run on {database.ProviderName}.");

    /// <summary>A context of the right provider-specific type for these options, outside dependency injection (tests, tools).</summary>
    public static AppealsDbContext CreateContext(DatabaseProvider provider, string connectionString, PhiProtector protector)
    {
        var options = new DbContextOptionsBuilder().UseAppealsDatabase(provider, connectionString, protector).Options;
        return provider switch
        {
            DatabaseProvider.Sqlite => new SqliteAppealsDbContext(options),
            DatabaseProvider.SqlServer => new SqlServerAppealsDbContext(options),
            DatabaseProvider.PostgreSql => new PostgreSqlAppealsDbContext(options),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
        };
    }

    /// <summary>
    /// Applies pending migrations (creating the database on first use); on SQLite also turns on WAL (readers do not
    /// block the importer) and synchronous=NORMAL.
    /// </summary>
    public static async Task MigrateAsync(AppealsDbContext db, CancellationToken ct = default)
    {
        if (db.Database.IsSqlite())
        {
            var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(folder) && file != ":memory:") Directory.CreateDirectory(folder);
        }
        if (await HasPendingMigrationsAsync(db, ct))
        {
            var sealsNotes = (await db.Database.GetPendingMigrationsAsync(ct)).Any(id => id.EndsWith("_" + Privacy.PlainNoteSealing.MigrationName, StringComparison.Ordinal));
            await db.Database.MigrateAsync(ct);
            if (sealsNotes && db.Phi is { } phi) await Privacy.PlainNoteSealing.SealPlainNotesAsync(db, phi, ct);
        }
        if (db.Database.IsSqlite())
        {
            // journal_mode=WAL persists in the file; synchronous is per connection, the importer sets it again.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=NORMAL;", ct);
        }
    }

    /// <summary>
    /// Whether a migration of this build is missing from the database's history; always true for a database that does
    /// not exist yet. Every CLI command migrates first, and EF's <c>MigrateAsync</c> on a current database still takes
    /// the migration lock and diffs the model against the migrations' snapshot (about 0.2 s of a command's start), which
    /// only tells a developer that a migration was forgotten: MigrationTests check that instead (ADR 0074).
    /// </summary>
    private static async Task<bool> HasPendingMigrationsAsync(AppealsDbContext db, CancellationToken ct)
    {
        var applied = db.Database.IsSqlite()
            ? await SqliteAppliedMigrationsAsync(db, ct)
            : (await db.Database.GetAppliedMigrationsAsync(ct)).ToHashSet(StringComparer.Ordinal);
        return db.Database.GetMigrations().Any(id => !applied.Contains(id));
    }

    /// <summary>
    /// The history read with a plain command on the context's connection. EF's <c>GetAppliedMigrationsAsync</c> reads the same
    /// rows, but first builds the history table's own model by running the model conventions, about a tenth of a second of CPU
    /// in every command that opens a database (ADR 0156). Opening creates a missing file, as migrating it next would.
    /// </summary>
    private static async Task<HashSet<string>> SqliteAppliedMigrationsAsync(AppealsDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await SqliteMigrationHistoryAsync((SqliteConnection)db.Database.GetDbConnection(), ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The ids in an open SQLite database's migration history; none when it has no history table (never migrated).</summary>
    public static async Task<HashSet<string>> SqliteMigrationHistoryAsync(SqliteConnection connection, CancellationToken ct)
    {
        var applied = new HashSet<string>(StringComparer.Ordinal);
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "MigrationId" FROM "__EFMigrationsHistory" """;
        try
        {
            await using var r = await command.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) applied.Add(r.GetString(0));
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SQLitePCL.raw.SQLITE_ERROR)
        {
            // no such table: a database never migrated
        }
        return applied;
    }
}
