using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Core.Audit;

/// <summary>Which database an audit log lives in, as the checkpoint folder knows it (ADR 0085): the SQLite file's full path, or the SQL Server and database name.</summary>
internal static class AuditDatabase
{
    public static string Identity(DbContext db)
    {
        var connectionString = db.Database.GetConnectionString() ?? "";
        return db.Database.IsSqlite()
            ? "sqlite:" + Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource)
            : new SqlConnectionStringBuilder(connectionString) is var sql ? $"sqlserver:{sql.DataSource.ToLowerInvariant()}/{sql.InitialCatalog.ToLowerInvariant()}" : "";
    }
}
