using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Appeals.Core.Audit;

/// <summary>
/// Which database an audit log lives in, as the checkpoint folder knows it (ADR 0085): the SQLite file's full path, or the
/// server (SQL Server or PostgreSQL, with its port) and database name.
/// </summary>
internal static class AuditDatabase
{
    public static string Identity(DbContext db)
    {
        var connectionString = db.Database.GetConnectionString() ?? "";
        if (db.Database.IsSqlite()) return "sqlite:" + Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);
        if (db.Database.IsNpgsql())
        {
            var pg = new NpgsqlConnectionStringBuilder(connectionString);
            return $"postgres:{pg.Host?.ToLowerInvariant()}:{pg.Port}/{pg.Database}";
        }
        var sql = new SqlConnectionStringBuilder(connectionString);
        return $"sqlserver:{sql.DataSource.ToLowerInvariant()}/{sql.InitialCatalog.ToLowerInvariant()}";
    }
}
