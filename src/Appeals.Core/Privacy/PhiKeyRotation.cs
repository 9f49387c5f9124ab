using Appeals.Core.Audit;
using Appeals.Core.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Appeals.Core.Privacy;

/// <summary>What <see cref="PhiKeyRotation.RotateAsync"/> did.</summary>
/// <param name="KeysPath">The PHI ring's folder.</param>
/// <param name="NewMasterKeyId">The master key that now protects every data key and the audit key.</param>
/// <param name="RevokedMasterKeyIds">The master keys revoked: a copy of the ring taken before the rotation opens nothing in the database any more.</param>
/// <param name="DataKeysResealed">Rows of <c>PhiDataKeys</c> re-sealed (every row).</param>
/// <param name="AuditKeyResealed">Whether the ring held an audit key (<c>audit-chain.key</c>) and it was re-sealed.</param>
/// <param name="Protection">How the new master key is kept at rest.</param>
public sealed record PhiKeyRotationResult(string KeysPath, Guid NewMasterKeyId, IReadOnlyList<Guid> RevokedMasterKeyIds,
    int DataKeysResealed, bool AuditKeyResealed, KeyProtection Protection);

/// <summary>A data key or the audit key that the ring cannot open: rotation changes nothing (ADR 0087).</summary>
public sealed class PhiKeyRotationException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Rotates the PHI ring's master key (ADR 0087): a new master key, every data key of the database (<c>PhiDataKeys</c>) and the
/// audit key re-sealed under it, then the old master keys revoked. The data keys themselves stay (the stored values are not
/// re-encrypted); what changes is the key that opens them, so a copy of the ring taken before the rotation, even with today's
/// database, opens nothing. Everything is unsealed before anything changes; a run cut short is finished by running it again
/// (revoked keys are still read here, on purpose, and only here).
/// </summary>
public static class PhiKeyRotation
{
    private const int MagicHeaderLength = 4;

    public static async Task<PhiKeyRotationResult> RotateAsync(AppealsDbContext db, IConfiguration configuration, TimeProvider time, CancellationToken ct)
    {
        var keysPath = PhiKeyRing.KeysPath(configuration);
        await using var ring = PhiKeyRing.OpenRing(keysPath, configuration);
        var provider = ring.GetRequiredService<IDataProtectionProvider>();
        var dataKeyProtector = (IPersistedDataProtector)provider.CreateProtector(PhiProtector.Purpose, PhiProtector.DataKeysPurpose);
        var auditProtector = (IPersistedDataProtector)provider.CreateProtector(AuditAnchor.Purpose);

        var rows = await db.Set<PhiDataKey>().AsNoTracking().ToListAsync(ct);
        var clearKeys = rows.Select(row => (row.Id, Clear: Unseal(dataKeyProtector, row.ProtectedKey, $"data key {row.Id}"))).ToList();
        var auditKeyFile = Path.Combine(keysPath, AuditAnchor.KeyFileName);
        var clearAuditKey = File.Exists(auditKeyFile)
            ? Unseal(auditProtector, Convert.FromBase64String(await File.ReadAllTextAsync(auditKeyFile, ct)), "the audit key")
            : null;

        var keyManager = ring.GetRequiredService<IKeyManager>();
        var now = time.GetUtcNow();
        var previous = keyManager.GetAllKeys().Where(k => !k.IsRevoked).Select(k => k.KeyId).ToList();
        var newKey = keyManager.CreateNewKey(activationDate: now, expirationDate: now.AddDays(90));
        foreach (var id in previous) keyManager.RevokeKey(id, "appeals keys rotate");

        // A ring opened anew: the one above may keep answering with its cached ring while it refreshes in the background.
        await using var rotated = PhiKeyRing.OpenRing(keysPath, configuration);
        var rotatedProvider = rotated.GetRequiredService<IDataProtectionProvider>();
        var newDataKeyProtector = rotatedProvider.CreateProtector(PhiProtector.Purpose, PhiProtector.DataKeysPurpose);
        var resealed = clearKeys.Select(k => (k.Id, Sealed: Seal(newDataKeyProtector, k.Clear, newKey.KeyId))).ToList();
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            // ExecuteUpdate, not SaveChanges: a save would first store this process's own data key, sealed by a ring read before the rotation.
            foreach (var (id, sealedKey) in resealed)
                await db.Set<PhiDataKey>().Where(k => k.Id == id).ExecuteUpdateAsync(s => s.SetProperty(k => k.ProtectedKey, sealedKey), ct);
            await transaction.CommitAsync(ct);
        }
        if (clearAuditKey is not null)
        {
            var temp = auditKeyFile + $".{Guid.NewGuid():N}.tmp";
            await File.WriteAllTextAsync(temp, Convert.ToBase64String(Seal(rotatedProvider.CreateProtector(AuditAnchor.Purpose), clearAuditKey, newKey.KeyId)), ct);
            File.Move(temp, auditKeyFile, overwrite: true);
        }
        return new PhiKeyRotationResult(keysPath, newKey.KeyId, previous, resealed.Count, clearAuditKey is not null, KeyRingProtection.Describe(configuration));
    }

    private static byte[] Unseal(IPersistedDataProtector protector, byte[] sealedKey, string what)
    {
        try
        {
            return protector.DangerousUnprotect(sealedKey, ignoreRevocationErrors: true, out _, out _);
        }
        catch (System.Security.Cryptography.CryptographicException ex)
        {
            throw new PhiKeyRotationException(
                $"The key ring in DataProtection:KeysPath cannot open {what} (another ring, or a certificate missing from DataProtection:Certificate): nothing was changed.", ex);
        }
    }

    private static byte[] Seal(IDataProtector protector, byte[] clear, Guid masterKeyId)
    {
        var sealedKey = protector.Protect(clear);
        // The payload names its master key after a 4-byte header; anything but the new key would leave the old ring able to open it.
        if (new Guid(sealedKey.AsSpan(MagicHeaderLength, 16)) != masterKeyId)
            throw new InvalidOperationException("Data Protection sealed a key under another master key than the one just created.");
        return sealedKey;
    }
}
