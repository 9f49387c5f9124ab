using Appeals.Core.Audit;
using Appeals.Core.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Appeals.Core.Privacy;

/// <summary>
/// The PHI key ring of Appeals: a folder outside the database (<c>DataProtection:KeysPath</c>, default a <c>keys</c> folder
/// beside the default SQLite file), application name "Appeals", whose master keys protect the data keys of the PHI columns
/// and the audit key. The web app and the CLI open it here, so both read what the other wrote. It is not the web app's
/// default Data Protection ring: sign-in cookies and antiforgery tokens use the sessions ring
/// (<c>DataProtection:SessionKeysPath</c>), so a copy of one ring neither reads patient data nor forges a session with the
/// other (ADR 0087). Both are kept at rest by <see cref="KeyRingProtection"/>.
/// </summary>
public static class PhiKeyRing
{
    /// <summary>The Data Protection application name of the PHI ring: keys are isolated per name.</summary>
    public const string ApplicationName = "Appeals";

    /// <summary>The application name of the sessions ring (cookies, antiforgery).</summary>
    public const string SessionsApplicationName = "Appeals.Sessions";

    /// <summary><c>DataProtection:KeysPath</c>, else <c>keys</c> beside <see cref="AppealsDatabase.DefaultSqlitePath"/>.</summary>
    public static string KeysPath(IConfiguration configuration)
    {
        var configured = configuration["DataProtection:KeysPath"];
        return string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(Path.GetDirectoryName(AppealsDatabase.DefaultSqlitePath)!, "keys")
            : configured;
    }

    /// <summary><c>DataProtection:SessionKeysPath</c>, else <c>session-keys</c> beside the PHI ring's folder.</summary>
    public static string SessionKeysPath(IConfiguration configuration)
    {
        if (configuration["DataProtection:SessionKeysPath"] is { Length: > 0 } configured) return configured;
        var keys = Path.TrimEndingDirectorySeparator(Path.GetFullPath(KeysPath(configuration)));
        return Path.Combine(Path.GetDirectoryName(keys) ?? keys, "session-keys");
    }

    /// <summary>Registers the <see cref="PhiProtector"/> on the configured PHI ring (its own Data Protection services, not the host's).</summary>
    public static IServiceCollection AddAppealsDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ => Open(configuration));
        return services;
    }

    /// <summary>
    /// Registers the host's default Data Protection (cookies, antiforgery, Identity's tokens) on the sessions ring: another
    /// folder and application name than the PHI ring's, kept at rest the same way.
    /// </summary>
    public static IDataProtectionBuilder AddAppealsSessionProtection(this IServiceCollection services, IConfiguration configuration) =>
        services.AddDataProtection().SetApplicationName(SessionsApplicationName)
            .PersistProtected(SessionKeysPath(configuration), configuration);

    /// <summary>A protector on the PHI ring of <paramref name="configuration"/> (its folder, certificate and checkpoint folder).</summary>
    public static PhiProtector Open(IConfiguration configuration)
    {
        var keysPath = KeysPath(configuration);
        return Open(keysPath, configuration, CheckpointPath(configuration, keysPath));
    }

    /// <summary>A protector on the key ring in <paramref name="keysPath"/> with no certificate, outside dependency injection (tools, tests, benchmarks).</summary>
    public static PhiProtector Open(string keysPath) => Open(keysPath, null, Path.Combine(keysPath, "audit-checkpoints"));

    private static PhiProtector Open(string keysPath, IConfiguration? configuration, string checkpointPath)
    {
        var keyRing = OpenRing(keysPath, configuration).GetRequiredService<IDataProtectionProvider>();
        return new PhiProtector(keyRing, AuditAnchor.InKeyRing(keysPath, checkpointPath, keyRing));
    }

    /// <summary>
    /// The PHI ring's own Data Protection services on <paramref name="keysPath"/>: the provider, and the key manager that
    /// <see cref="PhiKeyRotation"/> creates and revokes master keys with.
    /// </summary>
    public static ServiceProvider OpenRing(string keysPath, IConfiguration? configuration)
    {
        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName(ApplicationName)
            .PersistProtected(keysPath, configuration)
            // AES-256-GCM rather than the default CBC + HMAC: about half the CPU per value on Linux and 36
            // fewer bytes per value, which the million-claim import pays three times per claim (ADR 0071).
            .UseCryptographicAlgorithms(new AuthenticatedEncryptorConfiguration
            {
                EncryptionAlgorithm = EncryptionAlgorithm.AES_256_GCM,
                ValidationAlgorithm = ValidationAlgorithm.HMACSHA256,
            });
        return services.BuildServiceProvider();
    }

    /// <summary><c>Audit:CheckpointPath</c>, else an <c>audit-checkpoints</c> folder in the key ring folder (ADR 0085).</summary>
    public static string CheckpointPath(IConfiguration configuration, string keysPath) =>
        configuration["Audit:CheckpointPath"] is { Length: > 0 } configured ? configured : Path.Combine(keysPath, "audit-checkpoints");

    /// <summary>A protector whose key lives only in this object (design-time tools, tests that never reopen their data elsewhere).</summary>
    public static PhiProtector Ephemeral() => new(new EphemeralDataProtectionProvider(), AuditAnchor.Ephemeral());
}
