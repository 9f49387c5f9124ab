using Microsoft.EntityFrameworkCore.Design;

namespace Appeals.Core.Persistence;

// Used only by `dotnet ef migrations add`, which needs a context without a running host. The
// connection strings are never opened when generating migrations, and no value is encrypted (ephemeral key).
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppealsDbContext>
{
    public SqliteAppealsDbContext CreateDbContext(string[] args) =>
        (SqliteAppealsDbContext)AppealsDatabase.CreateContext(DatabaseProvider.Sqlite, "Data Source=design-time.db", Privacy.PhiKeyRing.Ephemeral());
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerAppealsDbContext>
{
    public SqlServerAppealsDbContext CreateDbContext(string[] args) =>
        (SqlServerAppealsDbContext)AppealsDatabase.CreateContext(DatabaseProvider.SqlServer, "Server=.;Database=Appeals;Trusted_Connection=True;TrustServerCertificate=True", Privacy.PhiKeyRing.Ephemeral());
}

internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlAppealsDbContext>
{
    public PostgreSqlAppealsDbContext CreateDbContext(string[] args) =>
        (PostgreSqlAppealsDbContext)AppealsDatabase.CreateContext(DatabaseProvider.PostgreSql, "Host=localhost;Database=appeals", Privacy.PhiKeyRing.Ephemeral());
}
