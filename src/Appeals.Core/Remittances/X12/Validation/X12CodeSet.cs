using System.Collections.Frozen;

namespace Appeals.Core.Remittances.X12.Validation;

/// <summary>
/// A set of codes an element may hold, looked up straight from the element's bytes: each code of up to
/// eight bytes is packed into a 64-bit key, so checking a segment allocates nothing.
/// </summary>
internal sealed class X12CodeSet
{
    private readonly FrozenSet<ulong> _keys;

    internal X12CodeSet(string name, IEnumerable<string> codes)
    {
        Name = name;
        _keys = codes.Select(c => Key(System.Text.Encoding.ASCII.GetBytes(c))).ToFrozenSet();
    }

    internal X12CodeSet(string name, string codes) : this(name, codes.Split(' ', StringSplitOptions.RemoveEmptyEntries)) { }

    /// <summary>What the codes are, for messages: "claim status codes".</summary>
    internal string Name { get; }

    internal bool Contains(ReadOnlySpan<byte> value)
    {
        value = value.Trim((byte)' ');
        return value.Length is > 0 and <= 8 && _keys.Contains(Key(value));
    }

    /// <summary>A value the builder already holds as a string (a few ASCII characters).</summary>
    internal bool Contains(string value)
    {
        if (value.Length is 0 or > 8) return false;
        Span<byte> bytes = stackalloc byte[value.Length];
        for (var i = 0; i < value.Length; i++) bytes[i] = (byte)value[i];
        return Contains(bytes);
    }

    private static ulong Key(ReadOnlySpan<byte> value)
    {
        if (value.Length > 8) return 0;
        ulong key = 0;
        foreach (var b in value) key = key << 8 | b;
        return key; // X12 codes hold no NUL byte, so no two codes pack alike
    }
}
