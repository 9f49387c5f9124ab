using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Appeals.Workflows.Tests.Letters;

/// <summary>Builds small .docx files whose paragraphs are given as runs, the way Word splits text.</summary>
internal static class DocxBuilder
{
    public static byte[] Build(string[][] body, string[]? header = null, string[]? footer = null)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var content = new Body(body.Select(Paragraph));
            var section = new SectionProperties();
            if (header is not null)
            {
                var part = main.AddNewPart<HeaderPart>();
                part.Header = new Header(Paragraph(header));
                section.Append(new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(part) });
            }
            if (footer is not null)
            {
                var part = main.AddNewPart<FooterPart>();
                part.Footer = new Footer(Paragraph(footer));
                section.Append(new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(part) });
            }
            content.Append(section);
            main.Document = new Document(content);
        }
        return stream.ToArray();
    }

    private static Paragraph Paragraph(string[] runs) =>
        new(runs.Select((text, i) => new Run(
            i % 2 == 1 ? new RunProperties(new Italic()) : new RunProperties(),
            new Text(text) { Space = SpaceProcessingModeValues.Preserve })));

    /// <summary>All text of body, headers and footers, one string per part.</summary>
    public static IReadOnlyList<string> PartTexts(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        var main = document.MainDocumentPart!;
        return new OpenXmlElement[] { main.Document! }
            .Concat(main.HeaderParts.Select(h => (OpenXmlElement)h.Header!))
            .Concat(main.FooterParts.Select(f => (OpenXmlElement)f.Footer!))
            .Select(e => string.Concat(e.Descendants<Text>().Select(t => t.Text)))
            .ToList();
    }
}
