using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Appeals.Core.Privacy;

/// <summary>
/// Encrypts and decrypts the PHI the database holds (patient names, member ids, letters, refused 835
/// files) with ASP.NET Core Data Protection under one purpose, so that the web app and the CLI, given
/// the same key ring, read each other's rows (ADR 0071). The output is randomised: the same name
/// encrypts differently every time, so nothing can search, group or join on these columns in SQL.
/// </summary>
public sealed class PhiProtector
{
    /// <summary>The Data Protection purpose string. Changing it makes every stored value unreadable.</summary>
    public const string Purpose = "Appeals.Phi.v1";

    private readonly IDataProtector _protector;

    public PhiProtector(IDataProtectionProvider provider) => _protector = provider.CreateProtector(Purpose);

    /// <summary>The stored form of a text value. An empty value stays empty: it says only that there is no name or id.</summary>
    public string Protect(string plaintext) => plaintext.Length == 0 ? plaintext : _protector.Protect(plaintext);

    /// <summary>The text a stored value encrypts; <see cref="PhiUnreadableException"/> when this key ring cannot read it.</summary>
    public string Unprotect(string stored)
    {
        if (stored.Length == 0) return stored;
        try
        {
            return _protector.Unprotect(stored);
        }
        catch (CryptographicException ex)
        {
            throw new PhiUnreadableException(ex);
        }
    }

    /// <summary>The stored form of a document (a letter, a refused file).</summary>
    public byte[] Protect(byte[] plaintext) => plaintext.Length == 0 ? plaintext : _protector.Protect(plaintext);

    /// <summary>The document a stored value encrypts; <see cref="PhiUnreadableException"/> when this key ring cannot read it.</summary>
    public byte[] Unprotect(byte[] stored)
    {
        if (stored.Length == 0) return stored;
        try
        {
            return _protector.Unprotect(stored);
        }
        catch (CryptographicException ex)
        {
            throw new PhiUnreadableException(ex);
        }
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
