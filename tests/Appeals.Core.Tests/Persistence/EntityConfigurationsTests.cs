using Appeals.Core.Persistence;
using Appeals.Core.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Core.Tests.Persistence;

/// <summary>STYLE.md 5 and issue 17: one IEntityTypeConfiguration per entity, all in one home (Persistence/Configurations).</summary>
public sealed class EntityConfigurationsTests
{
    private static readonly Type[] Configurations =
    [
        .. typeof(AppealsDbContext).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false }
                && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>))),
    ];

    [Fact]
    public void EveryEntityConfiguration_LivesInPersistenceConfigurations()
    {
        Assert.NotEmpty(Configurations);
        Assert.All(Configurations, t => Assert.Equal("Appeals.Core.Persistence.Configurations", t.Namespace));
    }

    [Fact]
    public void EveryEntityOfTheModel_HasExactlyOneConfiguration()
    {
        using var db = AppealsDatabase.CreateContext(DatabaseProvider.Sqlite, "Data Source=:memory:", PhiKeyRing.Ephemeral());
        var configured = Configurations
            .SelectMany(t => t.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>)))
            .Select(i => i.GetGenericArguments()[0]).ToList();

        Assert.All(db.Model.GetEntityTypes().Select(e => e.ClrType), entity => Assert.Single(configured, c => c == entity));
    }
}
