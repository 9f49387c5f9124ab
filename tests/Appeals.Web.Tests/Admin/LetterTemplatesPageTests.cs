using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Appeals.Core.Audit;
using Appeals.Core.Persistence;
using Appeals.Web.Tests.Hosting;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Appeals.Web.Tests.Admin;

[Collection(WebCollection.Name)]
public sealed class LetterTemplatesPageTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TemplatesPage_ListsEveryKind_WithTheShippedVersionCurrent()
    {
        var html = await (await app.SignedInClientAsync("admin")).GetStringAsync("/Admin/Templates", Ct);

        foreach (var kind in Appeals.Workflows.Letters.LetterKinds.All)
            Assert.Matches($@"<tbody id=""kind-{kind}"">.*?<td>shipped</td>.*?current", Regex.Replace(html, @"\s+", " "));
    }

    [Fact]
    public async Task Upload_OfAValidTemplate_IsStoredAsTheCurrentVersion_Audited_AndDownloadable()
    {
        var client = await app.SignedInClientAsync("admin");
        var shipped = await client.GetByteArrayAsync("/Admin/Templates/prior_authorization/0", Ct);

        var response = await UploadAsync(client, "prior_authorization", shipped, "prior-auth-v1.docx");
        var page = await response.Content.ReadAsStringAsync(Ct);

        var sha = Convert.ToHexStringLower(SHA256.HashData(shipped));
        Assert.Contains($"prior_authorization version 1 stored (SHA-256 {sha})", page);
        Assert.Matches(@"<td>1</td>.*?current", Regex.Match(Regex.Replace(page, @"\s+", " "), @"<tbody id=""kind-prior_authorization"">(.*?)</tbody>").Groups[1].Value);
        Assert.Equal(shipped, await client.GetByteArrayAsync("/Admin/Templates/prior_authorization/1", Ct));
        await using var scope = app.Services.CreateAsyncScope();
        var entry = await scope.ServiceProvider.GetRequiredService<AppealsDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.Action == AuditActions.TemplateUpload).OrderBy(e => e.Id).LastAsync(Ct);
        Assert.Equal("admin", entry.UserName);
        Assert.Equal($"prior_authorization version 1 sha256 {sha}", entry.Details);
    }

    [Fact]
    public async Task Upload_WithAnUnknownPlaceholder_IsRefused_NamingIt()
    {
        var client = await app.SignedInClientAsync("admin");

        var page = await (await UploadAsync(client, "timely_filing", DocxWith("Dear {{PayerName}}, see {{NoSuchField}}."), "bad.docx")).Content.ReadAsStringAsync(Ct);

        Assert.Contains("bad.docx was not stored:", page);
        Assert.Contains("Unknown placeholder {{NoSuchField}}", page);
        Assert.DoesNotContain("timely_filing version 1", page);
    }

    [Fact]
    public async Task Upload_OfSomethingNotADocx_IsRefusedWithTheReason()
    {
        var client = await app.SignedInClientAsync("admin");

        var page = await (await UploadAsync(client, "timely_filing", "not a word document"u8.ToArray(), "notes.docx")).Content.ReadAsStringAsync(Ct);

        Assert.Contains("Not a readable .docx", page);
    }

    [Fact]
    public async Task Download_OfAVersionThatDoesNotExist_IsNotFound()
    {
        var response = await (await app.SignedInClientAsync("admin")).GetAsync("/Admin/Templates/medical_necessity/99", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string kind, byte[] content, string fileName)
    {
        var token = DemoAppFactory.AntiforgeryToken(await client.GetStringAsync("/Admin/Templates", Ct));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(kind), "kind" },
            { new ByteArrayContent(content), "file", fileName },
        };
        return await client.PostAsync("/Admin/Templates", form, Ct);
    }

    private static byte[] DocxWith(string text)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new Document(new Body(new Paragraph(new Run(new Text(text)))));
        }
        return stream.ToArray();
    }
}
