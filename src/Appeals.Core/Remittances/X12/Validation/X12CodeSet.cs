namespace Appeals.Core.Remittances.X12.Validation;

/// <summary>
/// A set of codes an element may hold, looked up straight from the element's bytes: each code of up to
/// eight bytes is packed into a 64-bit key, kept in an open-addressed table of plain arrays. Plain arrays
/// on purpose: a generic set over ulong from another assembly is not precompiled into this one (ReadyToRun),
/// and ran unoptimised for most of a short import (measured: a third of validation's cost).
/// </summary>
internal sealed class X12CodeSet
{
    private readonly ulong[] _slots; // 0 = empty: no code packs to 0
    private readonly int _shift;

    internal X12CodeSet(string name, IEnumerable<string> codes)
    {
        Name = name;
        var keys = codes.Select(c => Key(System.Text.Encoding.ASCII.GetBytes(c))).Where(k => k != 0).Distinct().ToList();
        var bits = 4;
        while (1 << bits < keys.Count * 2) bits++;
        _slots = new ulong[1 << bits];
        _shift = 64 - bits;
        foreach (var key in keys)
        {
            var slot = Slot(key);
            while (_slots[slot] != 0) slot = (slot + 1) & (_slots.Length - 1);
            _slots[slot] = key;
        }
    }

    internal X12CodeSet(string name, string codes) : this(name, codes.Split(' ', StringSplitOptions.RemoveEmptyEntries)) { }

    /// <summary>What the codes are, for messages: "claim status codes".</summary>
    internal string Name { get; }

    internal bool Contains(ReadOnlySpan<byte> value)
    {
        value = X12Values.TrimSpaces(value);
        if (value.Length is 0 or > 8) return false;
        var key = Key(value);
        for (var slot = Slot(key); ; slot = (slot + 1) & (_slots.Length - 1))
        {
            var held = _slots[slot];
            if (held == key) return true;
            if (held == 0) return false;
        }
    }

    /// <summary>A value the builder already holds as a string (a few ASCII characters).</summary>
    internal bool Contains(string value)
    {
        if (value.Length is 0 or > 8) return false;
        Span<byte> bytes = stackalloc byte[value.Length];
        for (var i = 0; i < value.Length; i++) bytes[i] = (byte)value[i];
        return Contains(bytes);
    }

    private int Slot(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> _shift);

    private static ulong Key(ReadOnlySpan<byte> value)
    {
        if (value.Length > 8) return 0;
        ulong key = 0;
        foreach (var b in value) key = key << 8 | b;
        return key; // X12 codes hold no NUL byte, so no two codes pack alike
    }
}
