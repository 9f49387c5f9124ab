using Microsoft.EntityFrameworkCore.Design;

namespace Appeals.Core.Persistence;

// Used only by `dotnet ef migrations add` and `dotnet ef dbcontext optimize`, which need a context without a running host.
// The connection strings are never opened, and no value is encrypted (ephemeral key). The SQLite context is built at run
// time here (never from the compiled model it may be asked to write); `-- --compiled-model` gives the form that
// scripts/regenerate-compiled-model.sh writes the compiled model from (ADR 0092).
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppealsDbContext>
{
    public SqliteAppealsDbContext CreateDbContext(string[] args) =>
        AppealsDatabase.CreateContextForCompiledModel("Data Source=design-time.db", Privacy.PhiKeyRing.Ephemeral(), args.Contains("--compiled-model"));
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
