using System.IO.Compression;
using System.Text;

namespace Appeals.Core.Cases;

/// <summary>
/// A kind of file a case may carry, recognised by its content, not by its name: an upload whose
/// bytes do not match the type its extension claims is refused (a renamed executable stays out).
/// </summary>
public sealed class AttachmentType
{
    private readonly Func<Stream, bool> _matches;

    private AttachmentType(string name, string label, string contentType, string[] extensions, Func<Stream, bool> matches)
    {
        Name = name;
        Label = label;
        ContentType = contentType;
        Extensions = extensions;
        _matches = matches;
    }

    /// <summary>The configuration name, e.g. "pdf".</summary>
    public string Name { get; }
    /// <summary>How people call it, e.g. "PDF".</summary>
    public string Label { get; }
    public string ContentType { get; }
    /// <summary>Lowercase extensions with their dot.</summary>
    public IReadOnlyList<string> Extensions { get; }

    public static readonly AttachmentType Pdf = new("pdf", "PDF", "application/pdf", [".pdf"], s => StartsWith(s, "%PDF-"u8));
    public static readonly AttachmentType Png = new("png", "PNG", "image/png", [".png"], s => StartsWith(s, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]));
    public static readonly AttachmentType Jpeg = new("jpeg", "JPEG", "image/jpeg", [".jpg", ".jpeg"], s => StartsWith(s, [0xFF, 0xD8, 0xFF]));
    public static readonly AttachmentType Tiff = new("tiff", "TIFF", "image/tiff", [".tif", ".tiff"],
        s => StartsWith(s, [0x49, 0x49, 0x2A, 0x00]) || StartsWith(s, [0x4D, 0x4D, 0x00, 0x2A]));
    public static readonly AttachmentType Docx = new("docx", "Word (.docx)", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".docx"], IsWordPackage);
    public static readonly AttachmentType Text = new("txt", "plain text", "text/plain; charset=utf-8", [".txt"], IsPlainText);

    public static readonly IReadOnlyList<AttachmentType> All = [Pdf, Png, Jpeg, Tiff, Docx, Text];

    public static AttachmentType? ByName(string name) => All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The type whose extensions include the file name's, or null.</summary>
    public static AttachmentType? ByExtension(string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return All.FirstOrDefault(t => t.Extensions.Contains(extension));
    }

    /// <summary>True when <paramref name="content"/> (seekable; read from its start) is really this type.</summary>
    public bool Matches(Stream content)
    {
        content.Position = 0;
        try { return _matches(content); }
        finally { content.Position = 0; }
    }

    private static bool StartsWith(Stream s, ReadOnlySpan<byte> signature)
    {
        s.Position = 0;
        Span<byte> head = stackalloc byte[signature.Length];
        return s.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) == head.Length && head.SequenceEqual(signature);
    }

    // A .docx is a ZIP package holding word/document.xml; any other ZIP (or a renamed .exe) is not one.
    private static bool IsWordPackage(Stream s)
    {
        if (!StartsWith(s, [0x50, 0x4B, 0x03, 0x04])) return false;
        s.Position = 0;
        try
        {
            using var zip = new ZipArchive(s, ZipArchiveMode.Read, leaveOpen: true);
            return zip.GetEntry("word/document.xml") is not null && zip.GetEntry("[Content_Types].xml") is not null;
        }
        catch (InvalidDataException) { return false; }
    }

    // Text is valid UTF-8 with no control characters other than tab, CR, LF and form feed: binaries fail at once.
    private static bool IsPlainText(Stream s)
    {
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[bytes.Length + 1];
        int read;
        try
        {
            while ((read = s.Read(bytes)) > 0)
            {
                var count = decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
                foreach (var c in chars.AsSpan(0, count))
                    if (char.IsControl(c) && c is not ('\t' or '\r' or '\n' or '\f')) return false;
            }
            decoder.GetChars(bytes, 0, 0, chars, 0, flush: true);
            return true;
        }
        catch (DecoderFallbackException) { return false; }
    }
}
