using Appeals.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Appeals.Web.Identity;

// Used only by `dotnet ef migrations add`; the connection strings are never opened.
internal sealed class SqliteIdentityDesignTimeFactory : IDesignTimeDbContextFactory<SqliteIdentityDbContext>
{
    public SqliteIdentityDbContext CreateDbContext(string[] args) =>
        new(IdentityDatabase.Options<SqliteIdentityDbContext>(DatabaseProvider.Sqlite, "Data Source=design-time.db"));
}

internal sealed class SqlServerIdentityDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerIdentityDbContext>
{
    public SqlServerIdentityDbContext CreateDbContext(string[] args) =>
        new(IdentityDatabase.Options<SqlServerIdentityDbContext>(DatabaseProvider.SqlServer, "Server=.;Database=Appeals;Trusted_Connection=True;TrustServerCertificate=True"));
}

internal sealed class PostgreSqlIdentityDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlIdentityDbContext>
{
    public PostgreSqlIdentityDbContext CreateDbContext(string[] args) =>
        new(IdentityDatabase.Options<PostgreSqlIdentityDbContext>(DatabaseProvider.PostgreSql, "Host=localhost;Database=appeals"));
}

/// <summary>How the identity context reaches the shared database.</summary>
public static class IdentityDatabase
{
    public static DbContextOptions<T> Options<T>(DatabaseProvider provider, string connectionString) where T : DbContext =>
        (DbContextOptions<T>)Configure(new DbContextOptionsBuilder<T>(), provider, connectionString).Options;

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString) =>
        provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(connectionString,
                o => o.MigrationsHistoryTable(AppealsIdentityDbContext.MigrationsHistoryTable)),
            DatabaseProvider.SqlServer => options.UseSqlServer(connectionString,
                o => o.MigrationsHistoryTable(AppealsIdentityDbContext.MigrationsHistoryTable)),
            DatabaseProvider.PostgreSql => options.UseNpgsql(connectionString,
                o => o.MigrationsHistoryTable(AppealsIdentityDbContext.MigrationsHistoryTable)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
        };
}
