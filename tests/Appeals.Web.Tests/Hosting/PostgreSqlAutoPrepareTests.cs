using Appeals.Core.Persistence;
using Npgsql;

namespace Appeals.Web.Tests.Hosting;

/// <summary>
/// The PostgreSQL pages' statements are prepared once per pooled connection (ADR 0138): the app turns Npgsql's automatic
/// preparation on unless the operator's connection string says otherwise.
/// </summary>
public sealed class PostgreSqlAutoPrepareTests
{
    private const string Server = "Host=127.0.0.1;Port=5432;Database=appeals;Username=appeals;Password=secret-pw";

    [Fact]
    public void ConnectionStringWithoutIt_GetsAutoPreparation_AndKeepsEverythingElse()
    {
        var builder = new NpgsqlConnectionStringBuilder(AppealsDatabase.WithAutoPrepare(Server));

        Assert.Equal(AppealsDatabase.PostgreSqlAutoPrepared, builder.MaxAutoPrepare);
        Assert.Equal(("127.0.0.1", 5432, "appeals", "appeals", "secret-pw"), (builder.Host, builder.Port, builder.Database, builder.Username, builder.Password));
    }

    [Theory]
    [InlineData("Max Auto Prepare=0", 0)]
    [InlineData("MaxAutoPrepare=7", 7)]
    [InlineData("max auto prepare=300", 300)]
    public void ConnectionStringThatSetsIt_IsLeftAsWritten(string setting, int expected)
    {
        var written = $"{Server};{setting}";

        Assert.Equal(written, AppealsDatabase.WithAutoPrepare(written));
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(AppealsDatabase.WithAutoPrepare(written)).MaxAutoPrepare);
    }

    [Fact]
    public void ThePostgreSqlContext_IsConfiguredWithIt()
    {
        using var db = AppealsDatabase.CreateContext(DatabaseProvider.PostgreSql, Server, Appeals.Core.Privacy.PhiKeyRing.Ephemeral());

        Assert.Equal(AppealsDatabase.PostgreSqlAutoPrepared, new NpgsqlConnectionStringBuilder(Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetConnectionString(db.Database)).MaxAutoPrepare);
    }
}
