using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace Appeals.Workflows.Letters;

/// <summary>The result of rendering a letter: the document, or every reason it could not be made.</summary>
public sealed record LetterRendering(byte[]? Document, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Document is not null;
}

/// <summary>Fills a .docx template's {{Field}} placeholders (body, headers, footers) and checks the result.</summary>
public static class LetterRenderer
{
    /// <summary>
    /// Renders a template. Fails — naming each — on placeholders that are not known fields, on known ones
    /// with no value (in words, saying who supplies it), on malformed braces, and on any OpenXmlValidator error in the output.
    /// </summary>
    public static LetterRendering Render(byte[] template, IReadOnlyDictionary<string, string> values)
    {
        var errors = new List<string>();
        using var stream = new MemoryStream();
        stream.Write(template);
        try
        {
            using (var document = WordprocessingDocument.Open(stream, isEditable: true))
            {
                var (names, malformed) = LetterPlaceholders.Scan(document);
                errors.AddRange(malformed.Select(m => $"Malformed placeholder text: {m}"));
                errors.AddRange(names.Where(n => !LetterFields.Known.Contains(n)).Order(StringComparer.Ordinal)
                    .Select(n => $"Unknown placeholder {{{{{n}}}}}"));
                var filled = values.Where(v => LetterFields.Known.Contains(v.Key) && !string.IsNullOrWhiteSpace(v.Value))
                    .ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
                var unfilled = LetterPlaceholders.Replace(document, filled);
                errors.AddRange(unfilled.Where(LetterFields.Known.Contains).Order(StringComparer.Ordinal).Select(LetterFields.Missing));
                if (errors.Count > 0) return new LetterRendering(null, errors);
                errors.AddRange(Validate(document));
            }
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException)
        {
            return new LetterRendering(null, [$"The template is not a readable .docx: {e.Message}"]);
        }
        return errors.Count > 0 ? new LetterRendering(null, errors) : new LetterRendering(stream.ToArray(), []);
    }

    /// <summary>OpenXmlValidator errors, one line each (part, path, description).</summary>
    public static IReadOnlyList<string> Validate(WordprocessingDocument document) =>
        new OpenXmlValidator().Validate(document)
            .Select(e => $"Invalid Word XML in {e.Part?.Uri} at {e.Path?.XPath}: {e.Description}")
            .ToList();
}
