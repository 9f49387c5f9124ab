using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Appeals.Core.Privacy;
using Appeals.Core.Tests.Builders;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Appeals.Core.Tests.Privacy;

/// <summary>The key ring at rest: an owner-only folder, master keys encrypted to a configured certificate (issue 14 item 2, ADR 0087).</summary>
public sealed class KeyRingProtectionTests
{
    private const string Password = "test-pfx-password";

    private static IConfiguration Configuration(string keysPath, string? certificate = null) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DataProtection:KeysPath"] = keysPath,
            [KeyRingProtection.CertificatePathKey] = certificate,
            [KeyRingProtection.CertificatePasswordKey] = certificate is null ? null : Password,
        })
        .Build();

    private static string CreateCertificate(string path)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Appeals key ring test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }

    /// <summary>A protector straight on the ring (what seals the data keys and the audit key), as a new process opens it.</summary>
    private static IDataProtector Protector(string keysPath, IConfiguration configuration) =>
        PhiKeyRing.OpenRing(keysPath, configuration).GetRequiredService<IDataProtectionProvider>().CreateProtector("KeyRingProtectionTests");

    private static string MasterKeyXml(string keysPath) => File.ReadAllText(Assert.Single(Directory.GetFiles(keysPath, "key-*.xml")));

    [Fact]
    public async Task NewKeyFolder_IsReadableOnlyByTheAppsUser()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes; on Windows the folder inherits its parent's ACL and DPAPI protects the keys.");
        await using var database = await TestDatabase.CreateAsync();
        var keys = database.PathFor("keys");

        PhiKeyRing.Open(keys).Protect("ZZFOLDERTEST");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, new DirectoryInfo(keys).UnixFileMode);
    }

    [Fact]
    public async Task ExistingKeyFolderOpenToOthers_IsNarrowedToTheAppsUser()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes.");
        if (OperatingSystem.IsWindows()) return;
        await using var database = await TestDatabase.CreateAsync();
        var keys = Directory.CreateDirectory(database.PathFor("keys"));
        keys.UnixFileMode |= UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

        PhiKeyRing.Open(keys.FullName).Protect("ZZFOLDERTEST");

        Assert.False(KeyRingProtection.IsOpenToOthers(keys.FullName));
    }

    [Fact]
    public async Task ConfiguredCertificate_EncryptsTheMasterKeyOnDisk_AndOnlyItReadsThemBack()
    {
        await using var database = await TestDatabase.CreateAsync();
        var keys = database.PathFor("keys");
        var certificate = CreateCertificate(database.PathFor("ring.pfx"));
        var stored = Protector(keys, Configuration(keys, certificate)).Protect("ZZCERTPATIENT");

        var xml = MasterKeyXml(keys);
        Assert.Contains("EncryptedData", xml);
        Assert.DoesNotContain("<value>", xml); // the plain form keeps the key's bytes in a <value> element
        Assert.Equal(KeyProtection.Certificate, KeyRingProtection.Describe(Configuration(keys, certificate)));
        Assert.Equal("ZZCERTPATIENT", Protector(keys, Configuration(keys, certificate)).Unprotect(stored)); // another process with the certificate
        Assert.ThrowsAny<CryptographicException>(() => Protector(keys, Configuration(keys)).Unprotect(stored)); // the folder alone
    }

    [Fact]
    public async Task ConfiguredCertificateMissing_IsRefusedByName()
    {
        await using var database = await TestDatabase.CreateAsync();

        var error = Assert.Throws<InvalidOperationException>(() =>
            PhiKeyRing.Open(Configuration(database.PathFor("keys"), database.PathFor("nowhere.pfx"))).Protect("x"));

        Assert.Contains(KeyRingProtection.CertificatePathKey, error.Message);
        Assert.Contains("nowhere.pfx", error.Message);
    }
}
