using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Appeals.Core.Audit;
using Microsoft.AspNetCore.DataProtection;

namespace Appeals.Core.Privacy;

/// <summary>
/// Encrypts and decrypts the PHI the database holds (patient names, member ids, letters, refused 835
/// files) by envelope encryption (ADR 0071): AES-256-GCM per value under a random data key, the data key
/// itself protected by ASP.NET Core Data Protection under one purpose and stored in <c>PhiDataKeys</c>, so
/// that the web app and the CLI, given the same key ring, read each other's rows. The output is randomised
/// (a fresh nonce per value): the same name encrypts differently every time, so nothing can search, group or
/// join on these columns in SQL. Thread-safe.
/// </summary>
public sealed class PhiProtector
{
    /// <summary>The Data Protection purpose string. Changing it makes every stored value unreadable.</summary>
    public const string Purpose = "Appeals.Phi.v1";

    /// <summary>The sub-purpose the data keys are protected under.</summary>
    public const string DataKeysPurpose = "DataKeys";

    public PhiProtector(IDataProtectionProvider provider, AuditAnchor auditAnchor, TimeProvider? time = null)
    {
        Keys = new PhiDataKeys(provider.CreateProtector(Purpose, DataKeysPurpose), time ?? TimeProvider.System);
        AuditAnchor = auditAnchor;
    }

    internal PhiDataKeys Keys { get; }

    /// <summary>
    /// The audit log's key and checkpoints on the same key ring (ADR 0085). It travels with the protector because every
    /// <see cref="Persistence.AppealsDbContext"/> is given one: whoever can open the database can append rows that verify.
    /// </summary>
    public AuditAnchor AuditAnchor { get; }

    /// <summary>The stored form of a text value (base64url). An empty value stays empty: it says only that there is no name or id.</summary>
    public string Protect(string plaintext) =>
        plaintext.Length == 0 ? plaintext : Base64Url.EncodeToString(PhiEnvelope.Seal(Keys.Current, Encoding.UTF8.GetBytes(plaintext)));

    /// <summary>The text a stored value encrypts; <see cref="PhiUnreadableException"/> when this key ring cannot read it.</summary>
    public string Unprotect(string stored)
    {
        if (stored.Length == 0) return stored;
        try
        {
            return Encoding.UTF8.GetString(Open(Base64Url.DecodeFromChars(stored)));
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            throw new PhiUnreadableException(ex);
        }
    }

    /// <summary>The stored form of a document (a letter, a refused file).</summary>
    public byte[] Protect(byte[] plaintext) => plaintext.Length == 0 ? plaintext : PhiEnvelope.Seal(Keys.Current, plaintext);

    /// <summary>The document a stored value encrypts; <see cref="PhiUnreadableException"/> when this key ring cannot read it.</summary>
    public byte[] Unprotect(byte[] stored)
    {
        if (stored.Length == 0) return stored;
        try
        {
            return Open(stored);
        }
        catch (CryptographicException ex)
        {
            throw new PhiUnreadableException(ex);
        }
    }

    private byte[] Open(byte[] stored)
    {
        if (!PhiEnvelope.IsEnvelope(stored))
            throw new CryptographicException("The stored value is not an Appeals PHI envelope (unknown version byte or too short).");
        var id = PhiEnvelope.KeyId(stored);
        return PhiEnvelope.Open(id, Keys.Find(id), stored);
    }
}

/// <summary>
/// Encrypted patient data that this key ring cannot decrypt: the key that encrypted it is not in the
/// configured key ring (another <c>DataProtection:KeysPath</c>, a lost or replaced key folder), or the
/// value was stored in plain text by a version before encryption. Never carries the value itself.
/// </summary>
public sealed class PhiUnreadableException(Exception inner) : Exception(
    "Encrypted patient data cannot be decrypted with the configured key ring (DataProtection:KeysPath). " +
    "The web app and the CLI must use the same key ring folder; a database written with another key ring, " +
    "or before encryption at rest, cannot be read with this one.", inner);
