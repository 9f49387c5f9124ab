using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Appeals.Core.Privacy;

/// <summary>What <see cref="SessionKeyRotation.Rotate"/> did: the new key, or why the ring was left as it was.</summary>
/// <param name="KeysPath">The sessions ring's folder (<c>DataProtection:SessionKeysPath</c>).</param>
/// <param name="NewKeyId">The key that signs cookies and antiforgery tokens from now on; null when nothing was rotated.</param>
/// <param name="RevokedKeyIds">The keys revoked: every sign-in cookie, antiforgery token and Identity token they made is void.</param>
/// <param name="Skipped">Why nothing was rotated (no ring there yet), else null.</param>
public sealed record SessionKeyRotationResult(string KeysPath, Guid? NewKeyId, IReadOnlyList<Guid> RevokedKeyIds, string? Skipped);

/// <summary>
/// Rotates the sessions ring (ADR 0103): a new key, and every older one revoked, so a copy of the folder taken before (which
/// could forge an Admin's sign-in cookie) forges nothing any more, and every session ends: users sign in again. Nothing stored
/// depends on these keys (they sign cookies, antiforgery tokens and Identity's e-mail/reset tokens, all short-lived), so no
/// re-sealing is needed. A web app that is running keeps its cached ring until it restarts.
/// </summary>
public static class SessionKeyRotation
{
    public static SessionKeyRotationResult Rotate(IConfiguration configuration, TimeProvider time)
    {
        var keysPath = PhiKeyRing.SessionKeysPath(configuration);
        if (!Directory.Exists(keysPath) || !Directory.EnumerateFiles(keysPath, "key-*.xml").Any())
            return new SessionKeyRotationResult(keysPath, null, [], $"no sessions ring in {keysPath} yet (the web app makes it at its first start)");

        // The same ring the web app opens (PhiKeyRing.AddAppealsSessionProtection): its folder, application name and protection.
        var services = new ServiceCollection();
        services.AddAppealsSessionProtection(configuration);
        using var ring = services.BuildServiceProvider();
        var keyManager = ring.GetRequiredService<IKeyManager>();
        var now = time.GetUtcNow();
        var previous = keyManager.GetAllKeys().Where(k => !k.IsRevoked).Select(k => k.KeyId).ToList();
        var newKey = keyManager.CreateNewKey(activationDate: now, expirationDate: now.AddDays(90));
        foreach (var id in previous) keyManager.RevokeKey(id, "appeals keys rotate");
        return new SessionKeyRotationResult(keysPath, newKey.KeyId, previous, null);
    }
}
