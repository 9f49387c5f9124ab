using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Appeals.Core.Remittances.X12;

/// <summary>Element values parsed straight from bytes: amounts, dates, integers, and strings only for values that are kept.</summary>
internal static class X12Values
{
    internal static bool TryDecimal(ReadOnlySpan<byte> value, out decimal amount)
    {
        if (Utf8Parser.TryParse(value, out amount, out var consumed, 'F') && consumed == value.Length) return true;
        // Rare forms ("+5", "1.5E2", spaces around) go through the full parser on decoded chars.
        if (value.Length is 0 or > 40)
        {
            amount = 0;
            return false;
        }
        Span<char> chars = stackalloc char[value.Length];
        for (var i = 0; i < value.Length; i++) chars[i] = (char)value[i];
        return decimal.TryParse(chars.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out amount);
    }

    internal static bool TryInt(ReadOnlySpan<byte> value, out int number) =>
        Utf8Parser.TryParse(value, out number, out var consumed) && consumed == value.Length;

    /// <summary>CCYYMMDD, the only date format an 835 uses for DTM, BPR16 and PLB02.</summary>
    internal static bool TryDate(ReadOnlySpan<byte> value, out DateOnly date)
    {
        date = default;
        if (value.Length != 8) return false;
        var n = 0;
        foreach (var b in value)
        {
            if ((uint)(b - '0') > 9) return false;
            n = n * 10 + (b - '0');
        }
        int year = n / 10000, month = n / 100 % 100, day = n % 100;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    internal static string Text(ReadOnlySpan<byte> value)
    {
        value = value.Trim((byte)' ');
        return value.IsEmpty ? "" : Encoding.UTF8.GetString(value);
    }

    /// <summary>A short printable rendering of a bad value for an error message.</summary>
    internal static string Preview(ReadOnlySpan<byte> value)
    {
        var text = Encoding.ASCII.GetString(value[..Math.Min(value.Length, 24)]);
        var clean = new StringBuilder(text.Length);
        foreach (var c in text) clean.Append(c is >= ' ' and < (char)127 ? c : '?');
        return value.Length > 24 ? clean + "..." : clean.ToString();
    }
}
