using System.IO.Compression;
using Appeals.Tests.Shared;
using Appeals.Workflows.Letters;

namespace Appeals.Workflows.Tests.Letters;

/// <summary>Issue 14 item 8: the uploads that were accepted as the current template, each now refused with its reason.</summary>
public sealed class DocxPackageCheckTests
{
    private static byte[] Template() => LetterTemplateWriter.Write(LetterKinds.All.First());

    /// <summary>The shipped template with its zip changed by <paramref name="change"/>.</summary>
    private static byte[] Altered(Action<ZipArchive> change) => DocxParts.Altered(Template(), change);

    private static string Read(ZipArchive zip, string name) => DocxParts.Read(zip, name);

    private static void Write(ZipArchive zip, string name, string text) => DocxParts.Write(zip, name, text);

    private static void AddRelationship(ZipArchive zip, string type, string target, bool external)
    {
        var rels = Read(zip, "word/_rels/document.xml.rels");
        var mode = external ? " TargetMode=\"External\"" : "";
        Write(zip, "word/_rels/document.xml.rels", rels.Replace("</Relationships>",
            $"<Relationship Id=\"rIdEvil\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/{type}\" Target=\"{target}\"{mode}/></Relationships>"));
    }

    [Fact]
    public void ShippedTemplate_PassesEveryCheck() => Assert.Empty(LetterTemplateStore.Check(Template()).Errors);

    [Fact]
    public void ZipBomb_IsRefusedBeforeItIsUnpacked()
    {
        var bomb = Altered(zip =>
        {
            using var part = zip.CreateEntry("word/media/filler.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 64; i++) part.Write(zeros);
        });
        Assert.True(bomb.Length < 1024 * 1024);

        var errors = LetterTemplateStore.Check(bomb).Errors;

        Assert.Contains(errors, e => e.Contains("unpacks to more than", StringComparison.Ordinal) || e.Contains("zip bomb", StringComparison.Ordinal));
    }

    [Fact]
    public void ExternalAttachedTemplate_IsRefused()
    {
        var docx = Altered(zip =>
        {
            Write(zip, "word/_rels/settings.xml.rels",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate\" Target=\"https://evil.test/t.dotm\" TargetMode=\"External\"/></Relationships>");
        });

        Assert.Contains(LetterTemplateStore.Check(docx).Errors, e => e.Contains("attachedTemplate", StringComparison.Ordinal) && e.Contains("https://evil.test/t.dotm", StringComparison.Ordinal));
    }

    [Fact]
    public void ExternalImage_IsRefused_WhileAHyperlinkIsNot()
    {
        var image = Altered(zip => AddRelationship(zip, "image", "https://evil.test/pixel.png", external: true));
        var link = Altered(zip => AddRelationship(zip, "hyperlink", "https://payer.example.test/appeals", external: true));

        Assert.Contains(LetterTemplateStore.Check(image).Errors, e => e.Contains("outside the file", StringComparison.Ordinal));
        Assert.Empty(DocxPackageCheck.Problems(link));
    }

    [Fact]
    public void AltChunkAndEmbeddedObject_AreRefused()
    {
        var altChunk = Altered(zip =>
        {
            Write(zip, "word/afchunk.htm", "<html><body>merged</body></html>");
            AddRelationship(zip, "aFChunk", "afchunk.htm", external: false);
        });
        var embedded = Altered(zip => Write(zip, "word/embeddings/oleObject1.bin", "not really ole"));

        Assert.Contains(LetterTemplateStore.Check(altChunk).Errors, e => e.Contains("aFChunk", StringComparison.Ordinal));
        Assert.Contains(LetterTemplateStore.Check(embedded).Errors, e => e.Contains("embedded object", StringComparison.Ordinal));
    }

    [Fact]
    public void Doctype_IsRefusedWithItsReason_NotAnError()
    {
        var docx = Altered(zip =>
        {
            var document = Read(zip, "word/document.xml");
            var at = document.IndexOf("<w:document", StringComparison.Ordinal);
            Write(zip, "word/document.xml", document[..at] + "<!DOCTYPE w:document [<!ENTITY a \"aaaaaaaaaa\">]>" + document[at..]);
        });

        var errors = LetterTemplateStore.Check(docx).Errors;

        Assert.Contains(errors, e => e.Contains("word/document.xml declares a DOCTYPE", StringComparison.Ordinal));
    }
}
