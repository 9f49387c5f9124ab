using System.Text;

namespace Appeals.Core.Remittances.X12;

/// <summary>
/// Interns short values (group codes, CARCs, qualifiers, remark codes, modifiers) so that a file with a
/// million CAS*CO*45 allocates "CO" and "45" once. Direct-mapped: a value of up to 7 bytes is packed
/// into a 64-bit key and looked up in one slot; a collision just replaces the slot. Fixed size, so odd
/// input cannot make it grow, and a run of unique values costs no more than allocating them.
/// </summary>
internal sealed class X12CodeCache
{
    private const int Bits = 12;
    private readonly ulong[] _keys = new ulong[1 << Bits];
    private readonly string?[] _values = new string?[1 << Bits];

    internal string Get(ReadOnlySpan<byte> value)
    {
        value = X12Values.TrimSpaces(value);
        if (value.IsEmpty) return "";
        if (value.Length > 7) return Encoding.UTF8.GetString(value);
        var key = (ulong)value.Length;
        foreach (var b in value) key = key << 8 | b;
        var slot = (int)((key * 0x9E3779B97F4A7C15UL) >> (64 - Bits));
        if (_keys[slot] == key && _values[slot] is { } hit) return hit;
        var code = Encoding.UTF8.GetString(value);
        _keys[slot] = key;
        _values[slot] = code;
        return code;
    }
}
