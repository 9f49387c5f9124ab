using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Appeals.Core.Audit;
using Appeals.Core.Persistence;
using Appeals.Web.Cases;
using Appeals.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Appeals.Web.Tests.Cases;

/// <summary>Notes and attachments on the case page, through the real forms.</summary>
[Collection(WebCollection.Name)]
public sealed class CaseFilesTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private async Task<T> InDatabase<T>(Func<AppealsDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppealsDbContext>());
    }

    /// <summary>A case nobody has worked yet (the demo seed works some of the older ones).</summary>
    private Task<long> SomeCaseAsync(int skip) => InDatabase(db => db.DenialCases.Where(c => c.WorkflowRoute == "").OrderBy(c => c.Id).Skip(skip).Select(c => c.Id).FirstAsync(Ct));

    [Fact]
    public async Task CasePage_CountsItsViews_AndReadsOnlyTheOtherAuditRowsIntoTheTimeline()
    {
        var client = await app.SignedInClientAsync("specialist");
        var id = await SomeCaseAsync(23); // a case no other test of the class opens
        Task<int> ViewsAsync() => InDatabase(db => db.AuditEntries.CountAsync(e => e.EntityType == "DenialCase" && e.EntityId == id.ToString() && e.Action == AuditActions.CaseView, Ct));
        var before = await ViewsAsync();

        for (var i = 0; i < 3; i++) await client.GetStringAsync($"/Cases/{id}", Ct);
        var html = await client.GetStringAsync($"/Cases/{id}", Ct);

        var views = await ViewsAsync();
        Assert.Equal(before + 4, views);
        Assert.Contains($"Viewed {views} time(s); every view is in the audit log.", html);
        var timeline = Regex.Match(html, @"<table class=""table table-sm"" id=""timeline"">.*?</table>", RegexOptions.Singleline).Value;
        Assert.DoesNotContain("case view", timeline);
    }

    [Fact]
    public async Task AddNote_ShowsItOnTheCaseAndInTheTimeline_AndAuditsItWithoutItsText()
    {
        var client = await app.SignedInClientAsync("specialist");
        var id = await SomeCaseAsync(1);
        var page = await client.GetStringAsync($"/Cases/{id}", Ct);

        var response = await client.PostAsync($"/Cases/{id}/Notes", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["text"] = "Called the payer: resubmit with the operative report.",
            ["__RequestVerificationToken"] = DemoAppFactory.AntiforgeryToken(page),
        }), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Note added.", html);
        Assert.Matches(@"id=""note-list"">\s*<li[^>]*><div class=""text-muted"">specialist, ", html);
        var timeline = Regex.Match(html, @"<table class=""table table-sm"" id=""timeline"">.*?</table>", RegexOptions.Singleline).Value;
        Assert.Matches(@"<td>note</td><td>specialist</td>\s*<td class=""note-text"">Called the payer: resubmit with the operative report.</td>", timeline);
        var note = await InDatabase(db => db.CaseNotes.SingleAsync(n => n.DenialCaseId == id, Ct));
        Assert.Equal("specialist", note.CreatedBy);
        var audited = await InDatabase(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.NoteAdd && e.EntityId == id.ToString(), Ct));
        Assert.DoesNotContain("payer", audited.Details);
    }

    [Fact]
    public async Task AddNote_Empty_IsRefusedWithAReason()
    {
        var client = await app.SignedInClientAsync("specialist");
        var id = await SomeCaseAsync(2);
        var page = await client.GetStringAsync($"/Cases/{id}", Ct);

        var html = await (await client.PostAsync($"/Cases/{id}/Notes", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["text"] = "   ", ["__RequestVerificationToken"] = DemoAppFactory.AntiforgeryToken(page),
        }), Ct)).Content.ReadAsStringAsync(Ct);

        Assert.Contains("Write the note before adding it.", html);
        Assert.Equal(0, await InDatabase(db => db.CaseNotes.CountAsync(n => n.DenialCaseId == id, Ct)));
    }

    [Fact]
    public async Task UploadPdf_StoresItSealedOnDiskUnderAGuidKey_ListsIt_AndAuditsTheUpload()
    {
        var client = await app.SignedInClientAsync("manager");
        var id = await SomeCaseAsync(3);

        var html = await UploadAsync(client, id, ("../../etc/records.pdf", Pdf));

        Assert.Contains("Attached: records.pdf.", html);
        Assert.Matches(@"class=""attachment-download"">records\.pdf</a></td><td>PDF</td>", html);
        var stored = await InDatabase(db => db.CaseAttachments.SingleAsync(a => a.DenialCaseId == id, Ct));
        Assert.Equal(("records.pdf", "pdf", "application/pdf", (long)Pdf.Length, "manager"),
            (stored.FileName, stored.FileType, stored.ContentType, stored.SizeBytes, stored.UploadedBy));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Pdf)), stored.Sha256);
        Assert.Matches("^[0-9a-f]{32}$", stored.StorageKey);
        var path = Path.Combine(app.Folder, "files", "attachments", stored.StorageKey[..2], stored.StorageKey);
        // Sealed like the PHI in the database (issue 14 item 9): no run of the file's bytes is on disk, and the key ring opens it.
        var onDisk = await File.ReadAllBytesAsync(path, Ct);
        Assert.Equal(-1, onDisk.AsSpan().IndexOf(Pdf.AsSpan(0, Math.Min(16, Pdf.Length))));
        Assert.Equal(Pdf, app.Services.GetRequiredService<Appeals.Core.Privacy.PhiProtector>().Unprotect(onDisk));
        Assert.True(await InDatabase(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.AttachmentUpload && e.EntityId == id.ToString()
            && e.UserName == "manager" && e.Details.Contains(stored.Sha256.Substring(0, 12)), Ct)));
    }

    [Fact]
    public async Task Upload_ExecutableNamedPdf_IsRefusedBecauseOfItsContent()
    {
        var client = await app.SignedInClientAsync("specialist");
        var id = await SomeCaseAsync(4);

        var html = await UploadAsync(client, id, ("invoice.pdf", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]));

        Assert.Contains("invoice.pdf was not attached: its content is not a PDF file, whatever its name says.", WebUtility.HtmlDecode(html));
        Assert.Equal(0, await InDatabase(db => db.CaseAttachments.CountAsync(a => a.DenialCaseId == id, Ct)));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(app.Folder, "files", "attachments"), "*.part", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Upload_TypeNotAllowed_IsRefusedNamingTheAllowedTypes()
    {
        var client = await app.SignedInClientAsync("specialist");
        var id = await SomeCaseAsync(5);

        var html = WebUtility.HtmlDecode(await UploadAsync(client, id, ("macro.xlsm", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00])));

        Assert.Contains("macro.xlsm was not attached: only PDF, PNG, JPEG, TIFF, Word (.docx), plain text files can be attached.", html);
        Assert.Equal(0, await InDatabase(db => db.CaseAttachments.CountAsync(a => a.DenialCaseId == id, Ct)));
    }

    [Fact]
    public async Task Upload_LargerThanTheLimit_IsRefusedWithTheLimitInWords()
    {
        var client = await app.SignedInClientAsync("specialist");
        var id = await SomeCaseAsync(6);
        var tooBig = new byte[20 * 1024 * 1024 + 1];
        Pdf.CopyTo(tooBig, 0);

        var html = WebUtility.HtmlDecode(await UploadAsync(client, id, ("scan.pdf", tooBig)));

        Assert.Contains("scan.pdf was not attached: it is larger than 20 MB, the most an attachment may be.", html);
        Assert.Equal(0, await InDatabase(db => db.CaseAttachments.CountAsync(a => a.DenialCaseId == id, Ct)));
    }

    [Fact]
    public async Task Upload_RequestFarOverTheLimit_GetsTheTooLargePageAtOnce()
    {
        var client = await app.SignedInClientAsync("specialist");
        var id = await SomeCaseAsync(6);
        var page = await client.GetStringAsync($"/Cases/{id}", Ct);
        using var body = new ByteArrayContent(new byte[16]);
        body.Headers.ContentType = new("multipart/form-data") { Parameters = { new("boundary", "x") } };
        body.Headers.ContentLength = 200L * 1024 * 1024;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/Cases/{id}/Attachments") { Content = body };
        request.Headers.Add("RequestVerificationToken", DemoAppFactory.AntiforgeryToken(page));

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("That file is too large to attach", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Download_ReturnsTheBytesWithTheRecognisedType_AndIsAudited()
    {
        var client = await app.SignedInClientAsync("specialist");
        var id = await SomeCaseAsync(7);
        await UploadAsync(client, id, ("notes.txt", Encoding.UTF8.GetBytes("Payer rep: ref 12345.\r\nCall back Monday.\n")));
        var attachment = await InDatabase(db => db.CaseAttachments.SingleAsync(a => a.DenialCaseId == id, Ct));

        var response = await client.GetAsync($"/Cases/{id}/Attachments/{attachment.Id}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("notes.txt", response.Content.Headers.ContentDisposition!.FileName);
        Assert.Equal("Payer rep: ref 12345.\r\nCall back Monday.\n", await response.Content.ReadAsStringAsync(Ct));
        Assert.True(await InDatabase(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.Download && e.EntityId == id.ToString()
            && e.UserName == "specialist" && e.Details.StartsWith($"attachment {attachment.Id} txt"), Ct)));
    }

    [Fact]
    public async Task Download_OfAFileChangedOnDisk_IsRefusedAndNotAudited()
    {
        var client = await app.SignedInClientAsync("specialist");
        var id = await SomeCaseAsync(8);
        await UploadAsync(client, id, ("records.pdf", Pdf));
        var attachment = await InDatabase(db => db.CaseAttachments.SingleAsync(a => a.DenialCaseId == id, Ct));
        await File.AppendAllTextAsync(Path.Combine(app.Folder, "files", "attachments", attachment.StorageKey[..2], attachment.StorageKey), "tampered", Ct);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/Cases/{id}/Attachments/{attachment.Id}", Ct));

        Assert.Contains("no longer matches the SHA-256 recorded at upload", html);
        Assert.False(await InDatabase(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.Download && e.EntityId == id.ToString(), Ct)));
    }

    [Fact]
    public async Task Auditor_CannotAddNotesOrAttachments()
    {
        var auditor = await app.SignedInClientAsync("auditor", followRedirects: false);
        var id = await SomeCaseAsync(9);

        var note = await auditor.PostAsync($"/Cases/{id}/Notes", new FormUrlEncodedContent(new Dictionary<string, string> { ["text"] = "x" }), Ct);

        Assert.Contains("/Account/AccessDenied", note.Headers.Location?.OriginalString);
        Assert.Equal(0, await InDatabase(db => db.CaseNotes.CountAsync(n => n.DenialCaseId == id, Ct)));
    }

    [Fact]
    public async Task AuditorsTimelineExport_HoldsTheNoteTextAndTheAttachmentEvents()
    {
        var client = await app.SignedInClientAsync("specialist");
        var id = await SomeCaseAsync(10);
        var page = await client.GetStringAsync($"/Cases/{id}", Ct);
        await client.PostAsync($"/Cases/{id}/Notes", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["text"] = "Sent records to the payer portal", ["__RequestVerificationToken"] = DemoAppFactory.AntiforgeryToken(page),
        }), Ct);
        await UploadAsync(client, id, ("portal-receipt.pdf", Pdf));
        var attachment = await InDatabase(db => db.CaseAttachments.SingleAsync(a => a.DenialCaseId == id, Ct));
        await client.GetByteArrayAsync($"/Cases/{id}/Attachments/{attachment.Id}", Ct);
        var auditor = await app.SignedInClientAsync("auditor");

        var csv = await (await DemoAppFactory.ExportTimelineAsync(auditor, "csv", "review")).Content.ReadAsStringAsync(Ct);

        using var reader = new CsvHelper.CsvReader(new StringReader(csv), System.Globalization.CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (reader.Read()) if (reader.GetField(0) == id.ToString()) rows.Add([reader.GetField(9)!, reader.GetField(10)!, reader.GetField(11)!]);
        Assert.Equal(["denied", "note", "attachment upload", "download"], rows.Select(r => r[0]).Where(e => e != "case view").ToList());
        Assert.Contains(["note", "specialist", "Sent records to the payer portal"], rows);
    }

    /// <summary>Posts the case page's attachment form with the given files; returns the page it lands on.</summary>
    private static async Task<string> UploadAsync(HttpClient client, long id, params (string Name, byte[] Bytes)[] files)
    {
        var page = await client.GetStringAsync($"/Cases/{id}", Ct);
        using var form = new MultipartFormDataContent { { new StringContent(DemoAppFactory.AntiforgeryToken(page)), "__RequestVerificationToken" } };
        foreach (var (name, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "file", name);
        }
        var response = await client.PostAsync($"/Cases/{id}/Attachments", form, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }
}
