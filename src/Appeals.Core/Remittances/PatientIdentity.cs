namespace Appeals.Core.Remittances;

/// <summary>
/// Who a claim is for, from NM1*QC: last name, first name and member id. PHI: stored as one encrypted
/// value (ADR 0071), so that a claim costs one encryption, not three, on the million-claim import.
/// </summary>
public sealed record PatientIdentity(string LastName, string FirstName, string MemberId)
{
    public static PatientIdentity Empty { get; } = new("", "", "");

    /// <summary>The plain text that is encrypted: the two names length-prefixed, then the member id.</summary>
    internal static string Pack(PatientIdentity p) =>
        string.Concat(p.LastName.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), ":", p.LastName,
            p.FirstName.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), ":", p.FirstName, p.MemberId);

    internal static PatientIdentity Unpack(string packed)
    {
        var rest = packed.AsSpan();
        var last = Take(ref rest);
        var first = Take(ref rest);
        return new PatientIdentity(last, first, rest.ToString());
    }

    private static string Take(ref ReadOnlySpan<char> rest)
    {
        var colon = rest.IndexOf(':');
        var length = colon > 0 && int.TryParse(rest[..colon], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            && n <= rest.Length - colon - 1
            ? n
            : throw new FormatException("A stored patient identity is malformed.");
        var value = rest.Slice(colon + 1, length).ToString();
        rest = rest[(colon + 1 + length)..];
        return value;
    }
}
