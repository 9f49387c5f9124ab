using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using static Appeals.Workflows.Letters.LetterFields;

namespace Appeals.Workflows.Letters;

/// <summary>
/// Writes the shipped letter templates (templates/letters/*.docx) from code, so that what they say is
/// reviewable in a diff. Content is generic wording with placeholders only; no real data.
/// Run by <c>appeals letters make-templates</c>.
/// </summary>
public static class LetterTemplateWriter
{
    /// <summary>Writes every kind into <paramref name="folder"/> as KIND.docx.</summary>
    public static void WriteAll(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var kind in LetterKinds.All)
            File.WriteAllBytes(Path.Combine(folder, kind + ".docx"), Write(kind));
    }

    /// <summary>One template as .docx bytes.</summary>
    public static byte[] Write(string kind)
    {
        var (title, body) = LetterTemplateTexts.For(kind);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(Paragraph(Run($"{{{{{PracticeName}}}}} · {{{{{PracticeAddress}}}}}", bold: true)));
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(Paragraph(Run($"Claim {{{{{ClaimNumber}}}}} · Patient account {{{{{PatientAccountNumber}}}}} · {title}")));

            var content = new Body();
            content.Append(Paragraph(Run($"{{{{{LetterDate}}}}}")));
            content.Append(Paragraph(Run($"To: {{{{{PayerName}}}}}")));
            content.Append(Paragraph(Run(title, bold: true, size: 28)));
            foreach (var line in body)
                content.Append(line.Label is null ? Paragraph(Run(line.Text)) : Paragraph(Run(line.Label + ": ", bold: true), Run(line.Text)));
            content.Append(new SectionProperties(
                new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
                new PageSize { Width = 12240U, Height = 15840U },
                new PageMargin { Top = 1440, Right = 1440U, Bottom = 1440, Left = 1440U, Header = 720U, Footer = 720U, Gutter = 0U }));
            main.Document = new Document(content);
        }
        return stream.ToArray();
    }

    private static Paragraph Paragraph(params Run[] runs) => new(runs);

    private static Run Run(string text, bool bold = false, int? size = null)
    {
        var run = new Run();
        if (bold || size is not null)
        {
            var properties = new RunProperties();
            if (bold) properties.Append(new Bold());
            if (size is { } s) properties.Append(new FontSize { Val = s.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            run.Append(properties);
        }
        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }
}
