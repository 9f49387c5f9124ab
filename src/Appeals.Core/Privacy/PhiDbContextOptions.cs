using Appeals.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Appeals.Core.Privacy;

/// <summary>Gives an <see cref="AppealsDbContext"/> the <see cref="PhiProtector"/> its encrypted columns use.</summary>
public static class PhiDbContextOptions
{
    /// <summary>
    /// Required for every <see cref="AppealsDbContext"/>: without it the model refuses to build, so that
    /// no context can ever write patient names in plain text.
    /// </summary>
    public static DbContextOptionsBuilder UsePhiProtector(this DbContextOptionsBuilder options, PhiProtector protector) =>
        options.UsePhiProtector(protector, forCompiledModel: false);

    /// <summary>
    /// As <see cref="UsePhiProtector(DbContextOptionsBuilder, PhiProtector)"/>; with <paramref name="forCompiledModel"/> the
    /// model's PHI converters reach their protector through <see cref="CompiledModelPhi"/>, so that
    /// <c>dotnet ef dbcontext optimize</c> can write them as code (ADR 0092).
    /// </summary>
    internal static DbContextOptionsBuilder UsePhiProtector(this DbContextOptionsBuilder options, PhiProtector protector, bool forCompiledModel)
    {
        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new PhiOptionsExtension(protector, forCompiledModel));
        // Stores the data key before a save and remembers where to look keys up (ADR 0071).
        options.AddInterceptors(new PhiKeyInterceptor(protector));
        // The converters hold the protector, so the model is cached per protector, not per context type.
        return options.ReplaceService<IModelCacheKeyFactory, PhiModelCacheKeyFactory>();
    }

    /// <inheritdoc cref="UsePhiProtector(DbContextOptionsBuilder, PhiProtector)"/>
    public static DbContextOptionsBuilder<TContext> UsePhiProtector<TContext>(this DbContextOptionsBuilder<TContext> options, PhiProtector protector)
        where TContext : DbContext =>
        (DbContextOptionsBuilder<TContext>)((DbContextOptionsBuilder)options).UsePhiProtector(protector);

    internal static PhiProtector? FindPhiProtector(this DbContextOptions options) =>
        options.FindExtension<PhiOptionsExtension>()?.Protector;

    internal static bool BuildsCompiledModel(this DbContextOptions options) =>
        options.FindExtension<PhiOptionsExtension>()?.ForCompiledModel ?? false;
}

internal sealed class PhiOptionsExtension(PhiProtector protector, bool forCompiledModel) : IDbContextOptionsExtension
{
    private DbContextOptionsExtensionInfo? _info;

    public PhiProtector Protector { get; } = protector;
    public bool ForCompiledModel { get; } = forCompiledModel;
    public DbContextOptionsExtensionInfo Info => _info ??= new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
        // Adds no services: the protector reaches the model through the options, not the internal provider.
    }

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;
        public override string LogFragment => "PhiProtector ";
        public override int GetServiceProviderHashCode() => 0;
        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;
        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) => debugInfo["Appeals:PhiProtector"] = "1";
    }
}

internal sealed class PhiModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), (context as AppealsDbContext)?.Phi, (context as AppealsDbContext)?.BuildsCompiledModel, designTime);
}
