using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;

namespace Appeals.Core.Privacy;

/// <summary>How the master keys of a key ring are kept on disk (ADR 0087).</summary>
public enum KeyProtection
{
    /// <summary>Plain XML in a folder only the app's user can open: whoever can read the folder as that user (or as root) has the keys.</summary>
    FolderOnly,

    /// <summary>Each master key encrypted to the certificate of <c>DataProtection:Certificate:Path</c>.</summary>
    Certificate,

    /// <summary>Each master key encrypted with Windows DPAPI for the app's user account.</summary>
    Dpapi,
}

/// <summary>
/// Keeps a Data Protection key ring at rest (ADR 0087): in a folder created readable only by the app's user (mode 700 on
/// Linux and macOS), each master key encrypted to the certificate named by configuration, else with DPAPI on Windows.
/// Both rings (the PHI ring and the sessions ring) are kept this way.
/// </summary>
public static class KeyRingProtection
{
    /// <summary>The PFX file whose public key encrypts each master key (its private key decrypts them).</summary>
    public const string CertificatePathKey = "DataProtection:Certificate:Path";

    /// <summary>The PFX file's password.</summary>
    public const string CertificatePasswordKey = "DataProtection:Certificate:Password";

    /// <summary>Earlier certificates, comma-separated PFX files (with the same password), still accepted to read keys they encrypted.</summary>
    public const string PreviousCertificatesKey = "DataProtection:Certificate:PreviousPaths";

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>How rings are protected under <paramref name="configuration"/> on this platform.</summary>
    public static KeyProtection Describe(IConfiguration? configuration) =>
        configuration?[CertificatePathKey] is { Length: > 0 } ? KeyProtection.Certificate
        : OperatingSystem.IsWindows() ? KeyProtection.Dpapi
        : KeyProtection.FolderOnly;

    /// <summary>Persists the ring in <paramref name="keysPath"/> (made owner-only) and encrypts its keys as <see cref="Describe"/> says.</summary>
    public static IDataProtectionBuilder PersistProtected(this IDataProtectionBuilder builder, string keysPath, IConfiguration? configuration)
    {
        builder.PersistKeysToFileSystem(OwnerOnlyFolder(keysPath));
        switch (Describe(configuration))
        {
            case KeyProtection.Certificate:
                var password = configuration![CertificatePasswordKey];
                builder.ProtectKeysWithCertificate(LoadCertificate(configuration[CertificatePathKey]!, password));
                if (configuration[PreviousCertificatesKey] is { Length: > 0 } previous)
                    builder.UnprotectKeysWithAnyCertificate(previous.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(path => LoadCertificate(path, password)).ToArray());
                break;
            case KeyProtection.Dpapi:
                if (OperatingSystem.IsWindows()) builder.ProtectKeysWithDpapi();
                break;
            case KeyProtection.FolderOnly:
                break;
        }
        return builder;
    }

    /// <summary>
    /// The folder, created with mode 700 when missing; an existing folder that others may read is narrowed to 700 when this
    /// user owns it (else left as it is: the app cannot change it, and the operator sees the warning of ADR 0087's startup check).
    /// </summary>
    public static DirectoryInfo OwnerOnlyFolder(string path)
    {
        if (OperatingSystem.IsWindows()) return Directory.CreateDirectory(path); // ACLs inherited from the parent; DPAPI protects the keys
        if (!Directory.Exists(path)) return Directory.CreateDirectory(path, OwnerOnly);
        var folder = new DirectoryInfo(path);
        if ((folder.UnixFileMode & ~OwnerOnly) != 0)
        {
            try { folder.UnixFileMode = OwnerOnly; }
            catch (UnauthorizedAccessException) { /* not ours to change */ }
        }
        return folder;
    }

    /// <summary>True when the folder is open to other users (group or other bits set); always false on Windows.</summary>
    public static bool IsOpenToOthers(string path) =>
        !OperatingSystem.IsWindows() && Directory.Exists(path) && (new DirectoryInfo(path).UnixFileMode & ~OwnerOnly) != 0;

    private static X509Certificate2 LoadCertificate(string path, string? password)
    {
        if (!File.Exists(path))
            throw new InvalidOperationException($"{CertificatePathKey}: the certificate file '{path}' does not exist.");
        // Ephemeral: the private key stays in this process, not in a key store (macOS has no ephemeral keys).
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password,
            OperatingSystem.IsMacOS() ? X509KeyStorageFlags.DefaultKeySet : X509KeyStorageFlags.EphemeralKeySet);
        if (!certificate.HasPrivateKey)
            throw new InvalidOperationException($"{CertificatePathKey}: '{path}' has no private key; the key ring needs it to read its own keys back (a .pfx with the key).");
        return certificate;
    }
}
