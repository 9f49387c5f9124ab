using System.IO.Compression;
using System.Text;
using Appeals.Core.Cases;
using Appeals.Web.Cases;

namespace Appeals.Web.Tests.Cases;

/// <summary>Attachment types are recognised by their bytes; the name only says which type to check for.</summary>
public sealed class AttachmentTypeTests
{
    public static TheoryData<string, byte[], bool> Samples => new()
    {
        { "a.pdf", "%PDF-1.7\n"u8.ToArray(), true },
        { "a.pdf", "<html>%PDF-"u8.ToArray(), false },
        { "a.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], true },
        { "a.png", [0xFF, 0xD8, 0xFF, 0xE0], false },
        { "a.JPG", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], true },
        { "a.tif", [0x49, 0x49, 0x2A, 0x00, 8, 0, 0, 0], true },
        { "a.tiff", [0x4D, 0x4D, 0x00, 0x2A, 0, 0, 0, 8], true },
        { "a.txt", Encoding.UTF8.GetBytes("Ref 123 – café\r\n\tok"), true },
        { "a.txt", [0x41, 0x00, 0x42], false },
        { "a.txt", [0x41, 0xC3, 0x28], false },
        { "a.docx", Zip("word/document.xml", "[Content_Types].xml"), true },
        { "a.docx", Zip("xl/workbook.xml", "[Content_Types].xml"), false },
        { "a.docx", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3], false },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Matches_ChecksTheContentAgainstTheTypeTheNameClaims(string name, byte[] bytes, bool expected)
    {
        var type = AttachmentType.ByExtension(name);

        Assert.NotNull(type);
        Assert.Equal(expected, type.Matches(new MemoryStream(bytes)));
    }

    [Theory]
    [InlineData("a.exe")]
    [InlineData("a.pdf.exe")]
    [InlineData("noextension")]
    public void ByExtension_UnknownTypes_AreNone(string name) => Assert.Null(AttachmentType.ByExtension(name));

    [Theory]
    [InlineData("../../etc/passwd.txt", "passwd.txt")]
    [InlineData(@"C:\Users\x\scan.pdf", "scan.pdf")]
    [InlineData("bad\u0000name\r\n.pdf", "badname.pdf")]
    [InlineData("   ", "attachment")]
    public void CleanName_KeepsOnlyTheBareName(string uploaded, string expected) => Assert.Equal(expected, CaseAttachmentStore.CleanName(uploaded));

    [Fact]
    public void Options_WithAnUnknownTypeName_AreInvalid()
    {
        Assert.True(new AttachmentOptions().IsValid);
        Assert.False(new AttachmentOptions { AllowedTypes = "pdf,exe" }.IsValid);
        Assert.Equal([AttachmentType.Pdf, AttachmentType.Png], new AttachmentOptions { AllowedTypes = " pdf , PNG " }.Types);
    }

    private static byte[] Zip(params string[] entries)
    {
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var entry in entries)
                using (var writer = new StreamWriter(zip.CreateEntry(entry).Open())) writer.Write("<x/>");
        return buffer.ToArray();
    }
}
