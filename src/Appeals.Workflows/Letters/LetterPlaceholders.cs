using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Appeals.Workflows.Letters;

/// <summary>
/// Finds and replaces {{Field}} placeholders in a Word document. Word splits text into runs wherever
/// formatting, spell-check or editing history changes, so a placeholder can span several runs: each
/// paragraph's text is read joined across its runs, and a replacement is written into the run where the
/// placeholder starts while the rest of it is cut from the following runs (their formatting stays).
/// </summary>
internal static partial class LetterPlaceholders
{
    [GeneratedRegex(@"\{\{(.*?)\}\}", RegexOptions.Singleline)]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9]*$")]
    private static partial Regex FieldName();

    /// <summary>The body, every header and every footer: where placeholders may be.</summary>
    public static IEnumerable<OpenXmlPartRootElement> Roots(WordprocessingDocument document)
    {
        var main = document.MainDocumentPart ?? throw new InvalidDataException("The document has no main part.");
        if (main.Document is not null) yield return main.Document;
        foreach (var header in main.HeaderParts) if (header.Header is not null) yield return header.Header;
        foreach (var footer in main.FooterParts) if (footer.Footer is not null) yield return footer.Footer;
    }

    /// <summary>Every placeholder name in the document (trimmed), including malformed ones, and stray braces.</summary>
    public static (IReadOnlySet<string> Names, IReadOnlyList<string> Malformed) Scan(WordprocessingDocument document)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var malformed = new List<string>();
        foreach (var paragraph in Roots(document).SelectMany(r => r.Descendants<Paragraph>()))
        {
            var text = string.Concat(paragraph.Descendants<Text>().Select(t => t.Text));
            foreach (Match m in Placeholder().Matches(text))
            {
                var name = m.Groups[1].Value.Trim();
                if (FieldName().IsMatch(name)) names.Add(name);
                else malformed.Add(m.Value);
            }
            var rest = Placeholder().Replace(text, "");
            if (rest.Contains("{{", StringComparison.Ordinal) || rest.Contains("}}", StringComparison.Ordinal))
                malformed.Add(rest.Trim());
        }
        return (names, malformed);
    }

    /// <summary>Replaces every placeholder whose name is in <paramref name="values"/>; returns the names it could not fill.</summary>
    public static IReadOnlySet<string> Replace(WordprocessingDocument document, IReadOnlyDictionary<string, string> values)
    {
        var missing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var paragraph in Roots(document).SelectMany(r => r.Descendants<Paragraph>()).ToList())
        {
            var texts = paragraph.Descendants<Text>().ToList();
            var joined = string.Concat(texts.Select(t => t.Text));
            // Right to left, so that the positions of earlier matches stay valid.
            foreach (var match in Placeholder().Matches(joined).Reverse())
            {
                var name = match.Groups[1].Value.Trim();
                if (!values.TryGetValue(name, out var value))
                {
                    missing.Add(name);
                    continue;
                }
                Splice(texts, match.Index, match.Length, value);
            }
        }
        return missing;
    }

    private static void Splice(List<Text> texts, int start, int length, string value)
    {
        var end = start + length;
        var position = 0;
        var written = false;
        foreach (var text in texts)
        {
            var textStart = position;
            var textEnd = position + text.Text.Length;
            position = textEnd;
            var from = Math.Max(start, textStart);
            var to = Math.Min(end, textEnd);
            if (from >= to) continue;
            var local = from - textStart;
            var insert = written ? "" : value;
            written = true;
            text.Text = string.Concat(text.Text.AsSpan(0, local), insert, text.Text.AsSpan(local + (to - from)));
            text.Space = SpaceProcessingModeValues.Preserve;
        }
    }
}
