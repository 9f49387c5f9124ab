using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Appeals.Core.Clock;
using Appeals.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Web.Account;

/// <summary>
/// Identity's authenticator check (TOTP, RFC 6238: HMAC-SHA1, 30-second steps, 6 digits) with each code good once (ADR 0101).
/// The time step of the last code accepted is kept per user in <c>AspNetUserTokens</c>, and a code of that step or an earlier
/// one is refused: a code read over a shoulder, from a screen share or a proxy's log cannot be used again within its window,
/// on this node or another, before or after a restart. The step is claimed by one conditional UPDATE (or the row's first
/// INSERT), so two requests with the same code on two nodes cannot both pass. Accepts the current step and one on either side
/// (RFC 6238 section 5.2's one step of drift), on the real clock even when the app's clock is set to another day.
/// </summary>
public sealed class OneUseAuthenticatorTokenProvider(AppealsIdentityDbContext db, TimeProvider clock) : AuthenticatorTokenProvider<IdentityUser>
{
    /// <summary>The <c>AspNetUserTokens</c> row that holds the last accepted step (zero-padded, so text order is number order).</summary>
    public const string LoginProvider = "Appeals";
    public const string LastStepTokenName = "AuthenticatorLastStep";

    private const int StepSeconds = 30;

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<IdentityUser> manager, IdentityUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || token.Length != 6 || !token.All(char.IsAsciiDigit)) return false;
        var secret = Base32Decode(key);
        var now = AsOfClock.RealTime(clock).GetUtcNow().ToUnixTimeSeconds() / StepSeconds;
        for (var step = now - 1; step <= now + 1; step++)
        {
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Code(secret, step)), Encoding.ASCII.GetBytes(token)))
                return await ClaimStepAsync(user.Id, step);
        }
        return false;
    }

    /// <summary>Records <paramref name="step"/> as the last one used, unless it or a later one already is: then the code was used.</summary>
    private async Task<bool> ClaimStepAsync(string userId, long step)
    {
        var value = step.ToString("D20", CultureInfo.InvariantCulture);
        var row = db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == LoginProvider && t.Name == LastStepTokenName);
        // Only an earlier step gives way: the same step (a replay) or a later one (a newer code already used) updates nothing.
        if (await row.Where(t => string.Compare(t.Value, value) < 0).ExecuteUpdateAsync(s => s.SetProperty(t => t.Value, value)) == 1) return true;
        if (await row.AnyAsync()) return false;
        var first = new IdentityUserToken<string> { UserId = userId, LoginProvider = LoginProvider, Name = LastStepTokenName, Value = value };
        db.UserTokens.Add(first);
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateException)
        {
            // Another request stored the user's first step at the same moment: that one used the code.
            db.Entry(first).State = EntityState.Detached;
            return false;
        }
    }

    /// <summary>The 6-digit code of <paramref name="step"/> (RFC 4226 HOTP with the step as counter).</summary>
    private static string Code(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[HMACSHA1.HashSizeInBytes];
        HMACSHA1.HashData(secret, counter, hash);
        var offset = hash[^1] & 0x0F;
        var truncated = BinaryPrimitives.ReadInt32BigEndian(hash.Slice(offset, 4)) & 0x7FFFFFFF;
        return (truncated % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>The shared key as Identity stores it: base32 (RFC 4648) without padding.</summary>
    private static byte[] Base32Decode(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var output = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('='))
        {
            var value = alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
            if (value < 0) throw new FormatException("The stored authenticator key is not base32.");
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits < 8) continue;
            bits -= 8;
            output.Add((byte)(buffer >> bits));
            buffer &= (1 << bits) - 1;
        }
        return [.. output];
    }
}
