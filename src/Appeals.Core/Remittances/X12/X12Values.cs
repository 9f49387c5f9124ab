using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Appeals.Core.Remittances.X12;

/// <summary>Element values parsed straight from bytes: amounts, dates, integers, and strings only for values that are kept.</summary>
internal static class X12Values
{
    /// <summary>
    /// X12 decimals ("R" type): optional minus, digits, optional point. Up to 18 digits are assembled
    /// directly into a decimal; anything else ("+5", "1.5E2", spaces, very long) goes through the full parser.
    /// </summary>
    internal static bool TryDecimal(ReadOnlySpan<byte> value, out decimal amount)
    {
        var i = 0;
        var negative = false;
        if (value.Length > 0 && value[0] == '-')
        {
            negative = true;
            i = 1;
        }
        ulong mantissa = 0;
        int digits = 0, scale = -1;
        for (; i < value.Length; i++)
        {
            var digit = (uint)(value[i] - '0');
            if (digit <= 9)
            {
                if (++digits > 18) return TryDecimalSlow(value, out amount);
                mantissa = mantissa * 10 + digit;
                if (scale >= 0) scale++;
            }
            else if (value[i] == '.' && scale < 0) scale = 0;
            else return TryDecimalSlow(value, out amount);
        }
        if (digits == 0) return TryDecimalSlow(value, out amount);
        amount = new decimal((int)mantissa, (int)(mantissa >> 32), 0, negative && mantissa != 0, (byte)Math.Max(scale, 0));
        return true;
    }

    private static bool TryDecimalSlow(ReadOnlySpan<byte> value, out decimal amount)
    {
        if (Utf8Parser.TryParse(value, out amount, out var consumed, 'F') && consumed == value.Length) return true;
        if (value.Length is 0 or > 40)
        {
            amount = 0;
            return false;
        }
        Span<char> chars = stackalloc char[value.Length];
        for (var i = 0; i < value.Length; i++) chars[i] = (char)value[i];
        return decimal.TryParse(chars, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent
            | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out amount);
    }

    internal static bool TryInt(ReadOnlySpan<byte> value, out int number)
    {
        // Qualifiers, statuses and counts are a few plain digits: those are read here, anything else (signs, long) the full way.
        if ((uint)(value.Length - 1) < 9)
        {
            var n = 0;
            var i = 0;
            for (; i < value.Length; i++)
            {
                var digit = (uint)(value[i] - '0');
                if (digit > 9) break;
                n = n * 10 + (int)digit;
            }
            if (i == value.Length)
            {
                number = n;
                return true;
            }
        }
        return Utf8Parser.TryParse(value, out number, out var consumed) && consumed == value.Length;
    }

    /// <summary>CCYYMMDD, the only date format an 835 uses for DTM, BPR16 and PLB02.</summary>
    internal static bool TryDate(ReadOnlySpan<byte> value, out DateOnly date) => TryDate(value, out date, out _);

    /// <summary>As <see cref="TryDate(ReadOnlySpan{byte}, out DateOnly)"/>, also giving the year (cheaper than <see cref="DateOnly.Year"/>).</summary>
    internal static bool TryDate(ReadOnlySpan<byte> value, out DateOnly date, out int year)
    {
        date = default;
        year = 0;
        if (value.Length != 8) return false;
        var n = 0;
        foreach (var b in value)
        {
            if ((uint)(b - '0') > 9) return false;
            n = n * 10 + (b - '0');
        }
        year = n / 10000;
        int month = n / 100 % 100, day = n % 100;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>
    /// <paramref name="value"/> without leading and trailing spaces. Not <c>MemoryExtensions.Trim</c>: its instantiation for
    /// bytes is not precompiled into this assembly (ReadyToRun), so every process ran it unoptimised until it tiered up (ADR 0146).
    /// </summary>
    internal static ReadOnlySpan<byte> TrimSpaces(ReadOnlySpan<byte> value)
    {
        int start = 0, end = value.Length;
        while (start < end && value[start] == (byte)' ') start++;
        while (end > start && value[end - 1] == (byte)' ') end--;
        return value[start..end];
    }

    internal static string Text(ReadOnlySpan<byte> value)
    {
        value = TrimSpaces(value);
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
