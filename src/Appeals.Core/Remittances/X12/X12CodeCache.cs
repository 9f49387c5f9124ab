using System.Text;

namespace Appeals.Core.Remittances.X12;

/// <summary>
/// Interns short codes (group codes, CARCs, qualifiers, remark codes) so that a file with a million
/// CAS*CO*45 allocates the strings "CO" and "45" once. Bounded, so odd input cannot make it grow forever.
/// </summary>
internal sealed class X12CodeCache
{
    private const int MaxEntries = 8192;
    private readonly Dictionary<ulong, string> _codes = [];

    internal string Get(ReadOnlySpan<byte> value)
    {
        value = value.Trim((byte)' ');
        if (value.IsEmpty) return "";
        if (value.Length > 7) return Encoding.UTF8.GetString(value);
        ulong key = (ulong)value.Length;
        foreach (var b in value) key = key << 8 | b;
        if (_codes.TryGetValue(key, out var code)) return code;
        code = Encoding.UTF8.GetString(value);
        if (_codes.Count < MaxEntries) _codes[key] = code;
        return code;
    }
}
