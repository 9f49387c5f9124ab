using Appeals.Core.Imports;
using Appeals.Core.Persistence;
using Appeals.Core.Tests.Builders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Appeals.Core.Tests.Persistence;

public class AppealsCoreServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddAppealsCore_ResolvesAnImporterOnTheConfiguredSqliteDatabase()
    {
        await using var database = await TestDatabase.CreateAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Appeals"] = database.ConnectionString,
            ["Database:Provider"] = "sqlite",
            ["DataProtection:KeysPath"] = database.PathFor("keys"),
        }).Build();
        await using var services = new ServiceCollection().AddAppealsCore(configuration).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();

        var db = scope.ServiceProvider.GetRequiredService<AppealsDbContext>();
        var importer = scope.ServiceProvider.GetRequiredService<RemittanceImporter>();

        Assert.IsType<SqliteAppealsDbContext>(db);
        Assert.NotNull(importer);
        Assert.Equal(database.ConnectionString, db.Database.GetConnectionString());
    }

    [Fact]
    public void ParseProvider_RefusesAnUnknownName()
    {
        Assert.Equal(DatabaseProvider.SqlServer, AppealsDatabase.ParseProvider("SqlServer"));
        Assert.Equal(DatabaseProvider.Sqlite, AppealsDatabase.ParseProvider(null));
        Assert.Throws<ArgumentException>(() => AppealsDatabase.ParseProvider("oracle"));
    }
}
