using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Appeals.Workflows.Letters;

/// <summary>
/// What an uploaded template must not be, checked on the raw zip before Open XML opens it (issue 14 item 8): larger than
/// <see cref="MaxUncompressedBytes"/> once unpacked, or packed more than <see cref="MaxRatio"/> to one (a 614 KB file that
/// unpacks to 600 MB was accepted and kept 4 GB of memory); a part with a DOCTYPE (entity expansion); a relationship to
/// something outside the file (an attached template or image on another server) other than a hyperlink; an altChunk
/// (foreign content merged in by Word); an embedded object, ActiveX control or macro project. Each refusal names the part.
/// Bytes are counted as they are unpacked, never taken from the sizes the zip declares.
/// </summary>
public static class DocxPackageCheck
{
    public const long MaxUncompressedBytes = 20 * 1024 * 1024;
    public const int MaxRatio = 100;
    public const int MaxParts = 1000;

    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    private static readonly string[] Refused = ["aFChunk", "oleObject", "package", "control", "vbaProject", "attachedTemplate", "subDocument", "frame"];

    public static IReadOnlyList<string> Problems(byte[] content)
    {
        var problems = new List<string>();
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxParts) return [$"The file has {zip.Entries.Count} parts; a letter template has at most {MaxParts}."];
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                if (entry.FullName.StartsWith("word/embeddings/", StringComparison.OrdinalIgnoreCase) || entry.FullName.EndsWith(".bin", StringComparison.OrdinalIgnoreCase))
                    problems.Add($"Part {entry.FullName} is an embedded object or binary part; templates may hold text, styles and images only.");
                var bytes = Unpack(entry, MaxUncompressedBytes - total);
                if (bytes is null)
                    return [$"The file unpacks to more than {MaxUncompressedBytes / (1024 * 1024)} MB (part {entry.FullName}); a letter template is far smaller."];
                total += bytes.Length;
                if (entry.CompressedLength > 0 && bytes.Length / entry.CompressedLength > MaxRatio)
                    return [$"Part {entry.FullName} is packed {bytes.Length / entry.CompressedLength} to 1 (at most {MaxRatio}): refused as a zip bomb."];
                if (IsXml(entry.FullName)) problems.AddRange(XmlProblems(entry.FullName, Encoding.UTF8.GetString(bytes)));
            }
        }
        catch (InvalidDataException e)
        {
            return [$"Not a readable .docx: {e.Message}"];
        }
        return problems;
    }

    /// <summary>The entry's bytes, or null once more than <paramref name="budget"/> came out.</summary>
    private static byte[]? Unpack(ZipArchiveEntry entry, long budget)
    {
        using var input = entry.Open();
        using var output = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = input.Read(buffer)) > 0)
        {
            if (output.Length + read > budget) return null;
            output.Write(buffer, 0, read);
        }
        return output.ToArray();
    }

    private static bool IsXml(string name) =>
        name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> XmlProblems(string part, string xml)
    {
        if (xml.Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase))
            yield return $"Part {part} declares a DOCTYPE; Word never writes one, and its entities could expand without limit.";
        if (!part.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)) yield break;
        // Relationship parts are tiny; a plain scan of each <Relationship .../> is enough and parses no DTD.
        foreach (var relationship in xml.Split("<Relationship ", StringSplitOptions.None).Skip(1))
        {
            var type = Attribute(relationship, "Type");
            var kind = type.StartsWith(Relationships, StringComparison.Ordinal) ? type[Relationships.Length..] : type;
            if (Refused.Contains(kind, StringComparer.Ordinal))
                yield return $"Part {part} links a {kind} ({Attribute(relationship, "Target")}); templates may not merge in, embed or attach other content.";
            else if (Attribute(relationship, "TargetMode") == "External" && kind != "hyperlink")
                yield return $"Part {part} points its {kind} at {Attribute(relationship, "Target")} outside the file; only hyperlinks may point outside.";
        }
    }

    private static string Attribute(string element, string name) =>
        Regex.Match(element, $"(?:^|\\s){name}=\"([^\"]*)\"") is { Success: true } m ? m.Groups[1].Value : "";
}
