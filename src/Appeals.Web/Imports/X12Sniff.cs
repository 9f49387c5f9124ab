namespace Appeals.Web.Imports;

/// <summary>
/// Whether an upload's content is an 835 whatever its name says (payers and clearinghouses name ERAs .dat, .out,
/// .rmt...): after an optional BOM and white space it starts with an interchange (ISA) or a bare 835 transaction (ST*835).
/// </summary>
public static class X12Sniff
{
    public static bool LooksLike835(IFormFile file)
    {
        Span<byte> head = stackalloc byte[64];
        using var stream = file.OpenReadStream();
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return LooksLike835(head[..read]);
    }

    public static bool LooksLike835(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("\uFEFF"u8)) head = head[3..];
        head = head.TrimStart(" \t\r\n"u8);
        if (head.StartsWith("ISA"u8)) return head.Length > 3 && !char.IsLetterOrDigit((char)head[3]);
        // Without an envelope the separators are unknown: ST, any one-byte separator, then 835.
        return head.Length >= 6 && head.StartsWith("ST"u8) && !char.IsLetterOrDigit((char)head[2]) && head[3..6].SequenceEqual("835"u8);
    }
}
