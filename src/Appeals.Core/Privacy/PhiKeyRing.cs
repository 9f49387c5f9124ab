using Appeals.Core.Audit;
using Appeals.Core.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Appeals.Core.Privacy;

/// <summary>
/// The one Data Protection key ring of Appeals: a folder outside the database
/// (<c>DataProtection:KeysPath</c>, default a <c>keys</c> folder beside the default SQLite file),
/// application name "Appeals". The web app (cookies, antiforgery, PHI) and the CLI set it up here,
/// so both read what the other wrote.
/// </summary>
public static class PhiKeyRing
{
    /// <summary>The Data Protection application name: keys are isolated per name.</summary>
    public const string ApplicationName = "Appeals";

    /// <summary><c>DataProtection:KeysPath</c>, else <c>keys</c> beside <see cref="AppealsDatabase.DefaultSqlitePath"/>.</summary>
    public static string KeysPath(IConfiguration configuration)
    {
        var configured = configuration["DataProtection:KeysPath"];
        return string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(Path.GetDirectoryName(AppealsDatabase.DefaultSqlitePath)!, "keys")
            : configured;
    }

    /// <summary>Registers Data Protection on the configured key ring and the <see cref="PhiProtector"/>.</summary>
    public static IDataProtectionBuilder AddAppealsDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var keysPath = KeysPath(configuration);
        var builder = Configure(services.AddDataProtection(), keysPath);
        services.AddSingleton(s =>
        {
            var keyRing = s.GetRequiredService<IDataProtectionProvider>();
            return new PhiProtector(keyRing, AuditAnchor.InKeyRing(keysPath, CheckpointPath(configuration, keysPath), keyRing));
        });
        return builder;
    }

    /// <summary>A protector on the key ring in <paramref name="keysPath"/>, outside dependency injection (tools, tests, benchmarks).</summary>
    public static PhiProtector Open(string keysPath)
    {
        var services = new ServiceCollection();
        Configure(services.AddDataProtection(), keysPath);
        var keyRing = services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>();
        return new PhiProtector(keyRing, AuditAnchor.InKeyRing(keysPath, DefaultCheckpointPath(keysPath), keyRing));
    }

    /// <summary><c>Audit:CheckpointPath</c>, else an <c>audit-checkpoints</c> folder in the key ring folder (ADR 0085).</summary>
    public static string CheckpointPath(IConfiguration configuration, string keysPath) =>
        configuration["Audit:CheckpointPath"] is { Length: > 0 } configured ? configured : DefaultCheckpointPath(keysPath);

    private static string DefaultCheckpointPath(string keysPath) => Path.Combine(keysPath, "audit-checkpoints");

    /// <summary>A protector whose key lives only in this object (design-time tools, tests that never reopen their data elsewhere).</summary>
    public static PhiProtector Ephemeral() => new(new EphemeralDataProtectionProvider(), AuditAnchor.Ephemeral());

    private static IDataProtectionBuilder Configure(IDataProtectionBuilder builder, string keysPath) =>
        builder.SetApplicationName(ApplicationName)
            .PersistKeysToFileSystem(new DirectoryInfo(keysPath))
            // AES-256-GCM rather than the default CBC + HMAC: about half the CPU per value on Linux and 36
            // fewer bytes per value, which the million-claim import pays three times per claim (ADR 0071).
            .UseCryptographicAlgorithms(new AuthenticatedEncryptorConfiguration
            {
                EncryptionAlgorithm = EncryptionAlgorithm.AES_256_GCM,
                ValidationAlgorithm = ValidationAlgorithm.HMACSHA256,
            });
}
