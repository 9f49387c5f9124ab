namespace Appeals.Core.Remittances.X12;

/// <summary>The four delimiters of an interchange; <see cref="Repetition"/> is 0 when there is none (4010).</summary>
internal readonly record struct X12Separators(byte Element, byte Component, byte Repetition, byte Terminator)
{
    /// <summary>Longest ISA we look through: the fixed form is 106 bytes, de-identified files pad or trim fields.</summary>
    internal const int MaxIsaLength = 200;

    /// <summary>
    /// Reads the separators from an ISA segment starting at <paramref name="isa"/>[0]: element at byte 3,
    /// repetition in ISA11 (5010), component in ISA16, terminator right after ISA16. Fields are found by
    /// counting element separators rather than by fixed offsets, so a padded or trimmed ISA still reads.
    /// </summary>
    internal static bool TryFromIsa(ReadOnlySpan<byte> isa, out X12Separators separators, out string problem)
    {
        separators = default;
        if (isa.Length < 4) { problem = "The ISA segment is truncated."; return false; }
        var element = isa[3];
        if (IsAlphaNumeric(element) || element == (byte)' ' || IsLineBreak(element))
        {
            problem = "The byte after ISA is not a usable element separator.";
            return false;
        }
        var seen = 0;
        var isa11 = -1;
        var limit = Math.Min(isa.Length, MaxIsaLength);
        for (var i = 3; i < limit; i++)
        {
            if (isa[i] != element) continue;
            seen++;
            if (seen == 11) isa11 = i + 1;
            if (seen < 16) continue;
            if (i + 2 >= isa.Length) break;
            var component = isa[i + 1];
            var terminator = isa[i + 2];
            if (terminator == element || terminator == component || IsAlphaNumeric(terminator) || terminator == (byte)' ')
            {
                problem = "The byte after ISA16 is not a usable segment terminator.";
                return false;
            }
            if (component == element || IsAlphaNumeric(component) || IsLineBreak(component))
            {
                problem = "ISA16 is not a usable component separator.";
                return false;
            }
            var repetition = isa11 > 0 && isa11 + 1 < i && isa[isa11 + 1] == element ? isa[isa11] : (byte)0;
            if (IsAlphaNumeric(repetition) || repetition == (byte)' ' || repetition == component
                || repetition == terminator || repetition == element)
                repetition = 0; // 4010 puts 'U' (a standards id) in ISA11: no repetition separator
            separators = new X12Separators(element, component, repetition, terminator);
            problem = "";
            return true;
        }
        problem = "The ISA segment is truncated: it needs 16 elements and a terminator.";
        return false;
    }

    /// <summary>
    /// A file with no envelope starts at ST: the element separator is the byte after "ST", the terminator
    /// is the first byte that cannot belong to ST01..ST03 (letters, digits, separators), the component
    /// separator is ':' (the usual one: nothing before SVC would tell us otherwise).
    /// </summary>
    internal static bool TryFromSt(ReadOnlySpan<byte> st, out X12Separators separators)
    {
        separators = default;
        if (st.Length < 4) return false;
        var element = st[2];
        if (IsAlphaNumeric(element) || element == (byte)' ' || IsLineBreak(element)) return false;
        var limit = Math.Min(st.Length, 120);
        for (var i = 3; i < limit; i++)
        {
            var b = st[i];
            if (b == element || IsAlphaNumeric(b) || b == (byte)' ') continue;
            var component = element == (byte)':' ? (byte)'>' : (byte)':';
            separators = new X12Separators(element, component, 0, b);
            return true;
        }
        return false;
    }

    internal static bool IsAlphaNumeric(byte b) => (uint)((b | 0x20) - 'a') <= 'z' - 'a' || (uint)(b - '0') <= 9;

    internal static bool IsLineBreak(byte b) => b is (byte)'\r' or (byte)'\n';
}
