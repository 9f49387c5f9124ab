using System.Security.Cryptography;

namespace Appeals.Core.Denials;

/// <summary>
/// New concurrency stamps (<see cref="DenialCase.Version"/>): random version-4 Guids as <see cref="Guid.NewGuid"/> makes them,
/// from cryptographically random bytes fetched 4 KB at a time. On Linux each <see cref="Guid.NewGuid"/> is a read of
/// /dev/urandom, a system call; a case takes a stamp when it is constructed (EF constructs every case it reads) and at each
/// change, so the later ERA's 12,475 cases cost about 75,000 reads.
/// </summary>
internal static class ConcurrencyStamp
{
    [ThreadStatic] private static byte[]? _random;
    [ThreadStatic] private static int _used;

    public static Guid New()
    {
        if (_random is null || _used == _random.Length)
        {
            _random ??= new byte[4096];
            RandomNumberGenerator.Fill(_random);
            _used = 0;
        }
        var bytes = _random.AsSpan(_used, 16);
        _used += 16;
        // The version (4: random) and variant (RFC 9562) bits, where Guid.NewGuid sets them.
        bytes[7] = (byte)(bytes[7] & 0x0F | 0x40);
        bytes[8] = (byte)(bytes[8] & 0x3F | 0x80);
        return new Guid(bytes);
    }
}
