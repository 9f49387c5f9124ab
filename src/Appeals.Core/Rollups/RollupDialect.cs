namespace Appeals.Core.Rollups;

/// <summary>What differs between SQLite, SQL Server and PostgreSQL in the rollups' SQL.</summary>
internal abstract class RollupDialect
{
    public static RollupDialect Sqlite { get; } = new SqliteDialect();
    public static RollupDialect SqlServer { get; } = new SqlServerDialect();
    public static RollupDialect PostgreSql { get; } = new PostgreSqlDialect();

    public static RollupDialect For(Persistence.DatabaseProvider provider) => provider switch
    {
        Persistence.DatabaseProvider.Sqlite => Sqlite,
        Persistence.DatabaseProvider.SqlServer => SqlServer,
        Persistence.DatabaseProvider.PostgreSql => PostgreSql,
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    public abstract string Quote(string name);

    /// <summary>An amount (two decimals) as exact whole cents (ADR 0051).</summary>
    public abstract string Cents(string amount);

    public abstract string IsTrue(string flag);

    /// <summary>Whole seconds from a date (midnight UTC) to an instant.</summary>
    public abstract string Seconds(string date, string instant);

    /// <summary>Whole days from 1970-01-01 to a date (a day number that sums exactly, so averages of day spans need no row).</summary>
    public abstract string Days(string date);

    private sealed class SqliteDialect : RollupDialect
    {
        public override string Quote(string name) => $"\"{name}\"";
        // The same expression EF generates for (long)Math.Round((double)amount * 100), so sums match it exactly.
        public override string Cents(string amount) => $"CAST(round(CAST({amount} AS REAL) * 100.0) AS INTEGER)";
        public override string IsTrue(string flag) => $"{flag} <> 0";
        public override string Seconds(string date, string instant) =>
            $"CAST(round((julianday({instant}) - julianday({date})) * 86400.0) AS INTEGER)";
        // julianday('1970-01-01') = 2440587.5.
        public override string Days(string date) => $"CAST(round(julianday({date}) - 2440587.5) AS INTEGER)";
    }

    private sealed class SqlServerDialect : RollupDialect
    {
        public override string Quote(string name) => $"[{name}]";
        public override string Cents(string amount) => $"CAST(ROUND({amount} * 100, 0) AS bigint)";
        public override string IsTrue(string flag) => $"{flag} = 1";
        public override string Seconds(string date, string instant) =>
            $"DATEDIFF_BIG(second, CAST({date} AS datetimeoffset), {instant})";
        public override string Days(string date) => $"CAST(DATEDIFF(day, CAST('19700101' AS date), {date}) AS bigint)";
    }

    private sealed class PostgreSqlDialect : RollupDialect
    {
        public override string Quote(string name) => $"\"{name}\"";
        // numeric rounds half away from zero, as SQL Server's ROUND does.
        public override string Cents(string amount) => $"CAST(ROUND({amount} * 100) AS bigint)";
        public override string IsTrue(string flag) => $"{flag}";
        // EXTRACT(EPOCH FROM timestamp) reads a timestamp without zone as UTC: the date's midnight UTC.
        public override string Seconds(string date, string instant) =>
            $"CAST(ROUND(EXTRACT(EPOCH FROM {instant}) - EXTRACT(EPOCH FROM CAST({date} AS timestamp))) AS bigint)";
        // date - date is a whole number of days.
        public override string Days(string date) => $"CAST({date} - DATE '1970-01-01' AS bigint)";
    }
}
