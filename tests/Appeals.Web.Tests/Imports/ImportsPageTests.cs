using System.Net;
using System.Text.RegularExpressions;
using Appeals.Core.Demo;
using Appeals.Core.Imports;
using Appeals.Core.Persistence;
using Appeals.Web.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Appeals.Web.Tests.Hosting;

namespace Appeals.Web.Tests.Imports;

[Collection(WebCollection.Name)]
public sealed class ImportsPageTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Upload_SeveralFiles_ImportsThemInTheBackgroundAndShowsTheResult()
    {
        var client = await app.SignedInClientAsync("specialist");
        var page = await client.GetStringAsync("/Imports", Ct);
        var folder = Path.Combine(app.Folder, "new-835");
        var (_, files) = DemoFileWriter.GenerateInto(folder, new DemoOptions(Seed: 99, Claims: 60));
        using var form = new MultipartFormDataContent { { new StringContent(DemoAppFactory.AntiforgeryToken(page)), "__RequestVerificationToken" } };
        foreach (var file in files.Take(3)) form.Add(new ByteArrayContent(await File.ReadAllBytesAsync(file, Ct)), "files", Path.GetFileName(file));
        form.Add(new StringContent("ISA*this is not an 835"), "files", "broken.835");

        var (jobUrl, state, html) = await UploadAsync(client, form);

        Assert.Equal("done", state);
        var batchId = Guid.Parse(jobUrl["/Imports/".Length..]);
        var batch = await InDatabase(db => db.ImportBatches.AsNoTracking().SingleAsync(b => b.Id == batchId, Ct));
        Assert.Equal((ImportBatchState.Done, 4, 1), (batch.State, ImportJobs.SummaryOf(batch)!.Files, ImportJobs.SummaryOf(batch)!.Rejected));
        Assert.Contains("4 file(s)", html);
        Assert.Contains("1 rejected", html);
        Assert.Matches(@"<table class=""table table-sm"" id=""import-errors"">.*<td>\d{3}-broken\.835</td><td>\d+</td><td>\d+</td>", html.Replace("\n", " "));
        // The upload went through the one import pipeline: its cases are planned and scored (the queue's order is right
        // with no job having run), and the importer wrote the audit entry naming the uploader and the job.
        var cases = (await InDatabase(db => db.DenialCases.AsNoTracking().Select(c => new { c.CreatedAt, c.ScoredAt, c.DeadlineBasis }).ToListAsync(Ct)))
            .Where(c => c.CreatedAt >= batch.StartedAt).ToList();
        Assert.NotEmpty(cases);
        Assert.All(cases, c => Assert.True(c.ScoredAt is not null && c.DeadlineBasis.Length > 0));
        var audit = await InDatabase(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == Appeals.Core.Audit.AuditActions.Import && e.EntityId == batchId.ToString(), Ct));
        Assert.Equal(("specialist", "ImportJob"), (audit.UserName, audit.EntityType));
        Assert.Contains($"{ImportJobs.SummaryOf(batch)!.DenialCases} denial cases", audit.Details);
    }

    [Fact]
    public async Task Progress_IsReadFromTheBatchRow_SoAnotherProcessOrARestartShowsTheTruth()
    {
        var client = await app.SignedInClientAsync("specialist");
        // A batch this process never queued: as after a restart, only the database knows it.
        var id = Guid.NewGuid();
        await InDatabase(db =>
        {
            db.ImportBatches.Add(new ImportBatch
            {
                Id = id, UserName = "specialist", FileNames = "a.835\nb.835", FileCount = 2, UploadFolder = Path.Combine(app.Folder, "elsewhere"),
                State = ImportBatchState.Running, FilesDone = 1, BytesRead = 50, TotalBytes = 200, CreatedAt = DateTimeOffset.UtcNow,
            });
            return db.SaveChangesAsync(Ct);
        });

        var status = await client.GetStringAsync($"/Imports/{id}/status", Ct);
        var page = await client.GetStringAsync($"/Imports/{id}", Ct);

        Assert.Contains(@"""state"":""running"",""percent"":25,""filesDone"":1,""files"":2", status);
        Assert.Contains(@"id=""import-progress""", page);
        Assert.Contains("Importing: 1 of 2 file(s) done", page);
        Assert.Contains("a.835, b.835", page);
    }

    [Fact]
    public async Task Runner_AtStart_ResumesAnUnfinishedBatchWhoseFilesRemain_AndFailsOneWhoseFilesAreGone()
    {
        var folder = Path.Combine(app.Folder, "uploads-left", Guid.NewGuid().ToString("N"));
        var (_, files) = DemoFileWriter.GenerateInto(folder, new DemoOptions(Seed: 7, Claims: 20));
        var left = Guid.NewGuid();
        var lost = Guid.NewGuid();
        await InDatabase(db =>
        {
            db.ImportBatches.Add(new ImportBatch
            {
                Id = left, UserName = "specialist", FileNames = string.Join('\n', files.Select(Path.GetFileName)), FileCount = files.Count, UploadFolder = folder,
                State = ImportBatchState.Running, CreatedAt = DateTimeOffset.UtcNow.AddMinutes(-5),
            });
            db.ImportBatches.Add(new ImportBatch
            {
                Id = lost, UserName = "specialist", FileNames = "gone.835", FileCount = 1, UploadFolder = Path.Combine(app.Folder, "no-such-folder"),
                State = ImportBatchState.Queued, CreatedAt = DateTimeOffset.UtcNow.AddMinutes(-4),
            });
            return db.SaveChangesAsync(Ct);
        });
        var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();
        var runner = new ImportJobRunner(new ImportJobs(scopes, TimeProvider.System), scopes, TimeProvider.System, NullLogger<ImportJobRunner>.Instance);

        await runner.StartAsync(Ct);
        ImportBatch resumed;
        var deadline = DateTime.UtcNow.AddMinutes(2);
        do
        {
            await Task.Delay(200, Ct);
            resumed = await InDatabase(db => db.ImportBatches.AsNoTracking().SingleAsync(b => b.Id == left, Ct));
        } while (!ImportBatchState.IsFinished(resumed.State) && DateTime.UtcNow < deadline);
        await runner.StopAsync(Ct);

        Assert.Equal(ImportBatchState.Done, resumed.State);
        Assert.Equal(files.Count, ImportJobs.SummaryOf(resumed)!.Files);
        Assert.NotNull(resumed.FinishedAt);
        Assert.False(Directory.Exists(folder));
        var failed = await InDatabase(db => db.ImportBatches.AsNoTracking().SingleAsync(b => b.Id == lost, Ct));
        Assert.Equal(ImportBatchState.Failed, failed.State);
        Assert.Contains("upload the rest again", failed.Failure);
    }

    [Fact]
    public async Task Upload_FileWithGuideFindings_ListsThemWithRuleAndLocation()
    {
        var client = await app.SignedInClientAsync("specialist");
        var page = await client.GetStringAsync("/Imports", Ct);
        // Claim PCN-V1 leaves 10.00 unexplained (3.CLP.BALANCE warns); claim PCN-V2's group code XX refuses its transaction.
        const string text = "ST*835*0001*005010X221A1~BPR*I*260*C*ACH************20260110~TRN*1*TRACEV1*1512345678~"
            + "N1*PR*DEMO PLAN~N1*PE*DEMO CLINIC*XX*1999999999~CLP*PCN-V1*1*200*170**12*PCCV1~DTM*232*20251201~"
            + "SVC*HC:99213*200*170~CAS*CO*45*20~ST*835*0002*005010X221A1~";
        using var form = new MultipartFormDataContent
        {
            { new StringContent(DemoAppFactory.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent(text.Replace("~ST*835*0002*005010X221A1~", "~SE*10*0001~", StringComparison.Ordinal)), "files", "unbalanced.835" },
            { new StringContent(text.Replace("CAS*CO*45*20~ST*835*0002*005010X221A1~", "CAS*XX*45*30~SE*10*0001~", StringComparison.Ordinal)), "files", "bad-group.835" },
        };

        var (_, state, html) = await UploadAsync(client, form);

        Assert.Equal("done", state);
        var flat = html.Replace("\n", " ");
        Assert.Contains("1 rejected", html);
        Assert.Matches(@"<td>\d{3}-bad-group\.835</td><td>9</td><td>\d+</td><td>CAS CAS01: \[5\.CAS\.GROUP\]", flat);
        Assert.Matches(@"<li>\d{3}-unbalanced\.835: segment 6 \(CLP CLP04\) at byte \d+: \[3\.CLP\.BALANCE\] [^<]*10\.00", flat);
    }

    /// <summary>Posts the upload form and waits for its import job; its page once done.</summary>
    private async Task<(string JobUrl, string State, string Html)> UploadAsync(HttpClient client, MultipartFormDataContent form)
    {
        var response = await client.PostAsync("/Imports", form, Ct);
        var jobUrl = response.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.Matches(@"^/Imports/[0-9a-f-]{36}$", jobUrl);
        string state;
        var deadline = DateTime.UtcNow.AddMinutes(2);
        do
        {
            await Task.Delay(300, Ct);
            state = Regex.Match(await client.GetStringAsync(jobUrl + "/status", Ct), @"""state"":""(\w+)""").Groups[1].Value;
        } while (state is "queued" or "running" && DateTime.UtcNow < deadline);
        return (jobUrl, state, await client.GetStringAsync(jobUrl, Ct));
    }

    [Fact]
    public async Task ImportsPage_DoesNotReadRefusedFilesBytes()
    {
        // A refused file whose stored bytes no key opens: a page that decrypted them would fail.
        var id = await InDatabase(async db =>
        {
            var file = new ImportedFile { FileName = "refused-unreadable.835", ContentHash = new string('9', 64), Status = ImportStatus.Rejected, OriginalBytes = [1, 2, 3] };
            db.ImportedFiles.Add(file);
            await db.SaveChangesAsync(Ct);
            await db.Database.ExecuteSqlRawAsync("UPDATE ImportedFiles SET OriginalBytes = {0} WHERE Id = {1}", [new byte[] { 0xFF, 0, 1, 2, 3, 4, 5 }, file.Id], Ct);
            return file.Id;
        });
        var client = await app.SignedInClientAsync("specialist");

        var response = await client.GetAsync("/Imports", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("refused-unreadable.835", await response.Content.ReadAsStringAsync(Ct));
        Assert.True(id > 0);
    }

    private async Task<T> InDatabase<T>(Func<AppealsDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppealsDbContext>());
    }

    [Fact]
    public async Task Upload_OfTwoHundredMegabytes_IsRefusedCleanly()
    {
        var client = await app.SignedInClientAsync("specialist");
        var page = await client.GetStringAsync("/Imports", Ct);
        using var body = new StreamContent(new ZeroStream(200L * 1024 * 1024));
        body.Headers.ContentType = new("multipart/form-data") { Parameters = { new("boundary", "x") } };
        body.Headers.ContentLength = 200L * 1024 * 1024;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Imports") { Content = body };
        request.Headers.Add("RequestVerificationToken", DemoAppFactory.AntiforgeryToken(page));

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("That upload is too large", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Upload_ChunkedOverTheLimit_IsRefusedWithTheTooLargePage_NotABare400()
    {
        var client = await app.SignedInClientAsync("specialist");
        var page = await client.GetStringAsync("/Imports", Ct);
        var head = System.Text.Encoding.ASCII.GetBytes("--x\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.835\"\r\n\r\n");
        // No Content-Length: the body is sent chunked, so only reading it finds it too large.
        using var body = new StreamContent(new ZeroStream(101L * 1024 * 1024, head));
        body.Headers.ContentType = new("multipart/form-data") { Parameters = { new("boundary", "x") } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Imports") { Content = body };
        request.Headers.Add("RequestVerificationToken", DemoAppFactory.AntiforgeryToken(page));

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("That upload is too large", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Upload_WithA300CharacterName_IsImported_NotA500()
    {
        var (_, files) = DemoFileWriter.GenerateInto(Path.Combine(app.Folder, "long-name"), new DemoOptions(Seed: 41, Claims: 10));
        var name = new string('r', 296) + ".835";

        var (response, html) = await UploadAsync((name, await File.ReadAllBytesAsync(files[0], Ct)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(@"^/Imports/[0-9a-f-]{36}$", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains(name, html);
    }

    [Fact]
    public async Task Upload_DatFile_IsImportedWhenItsContentIsAn835_AndRefusedSayingWhyWhenNot()
    {
        var (_, files) = DemoFileWriter.GenerateInto(Path.Combine(app.Folder, "dat"), new DemoOptions(Seed: 42, Claims: 10));

        var (era, _) = await UploadAsync(("remit-0001.dat", await File.ReadAllBytesAsync(files[0], Ct)));
        var (other, otherHtml) = await UploadAsync(("notes.dat", "Minutes of the billing meeting"u8.ToArray()));

        Assert.Matches(@"^/Imports/[0-9a-f-]{36}$", era.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("/Imports", other.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("notes.dat is not an 835 file", otherHtml);
        Assert.Contains("does not start with an X12 envelope (ISA)", otherHtml);
    }

    [Fact]
    public async Task Upload_TruncatedFile_CountsTheTransactionItStored()
    {
        var (_, files) = DemoFileWriter.GenerateInto(Path.Combine(app.Folder, "truncated"), new DemoOptions(Seed: 43, Claims: 40));
        var whole = await File.ReadAllBytesAsync(files[0], Ct);
        var cut = await File.ReadAllBytesAsync(files[1], Ct);
        var (response, _) = await UploadAsync(("cut-short.835", [.. whole, .. cut[..(cut.Length / 2)]]));
        var jobUrl = response.RequestMessage!.RequestUri!.AbsolutePath;

        var html = await WhenDoneAsync(jobUrl);

        Assert.Contains("0 imported, 1 partly imported", html);
        Assert.Contains("Stored: 1 transaction(s)", html);
    }

    private async Task<(HttpResponseMessage Response, string Html)> UploadAsync(params (string Name, byte[] Content)[] files)
    {
        var client = await app.SignedInClientAsync("specialist");
        var page = await client.GetStringAsync("/Imports", Ct);
        using var form = new MultipartFormDataContent { { new StringContent(DemoAppFactory.AntiforgeryToken(page)), "__RequestVerificationToken" } };
        foreach (var (name, content) in files) form.Add(new ByteArrayContent(content), "files", name);
        var response = await client.PostAsync("/Imports", form, Ct);
        return (response, await response.Content.ReadAsStringAsync(Ct));
    }

    private async Task<string> WhenDoneAsync(string jobUrl)
    {
        var client = await app.SignedInClientAsync("specialist");
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline && Regex.Match(await client.GetStringAsync(jobUrl + "/status", Ct), @"""state"":""(\w+)""").Groups[1].Value is "queued" or "running")
            await Task.Delay(300, Ct);
        return await client.GetStringAsync(jobUrl, Ct);
    }

    /// <summary>A long stream of zeros that never holds its bytes in memory.</summary>
    private sealed class ZeroStream(long length, byte[]? head = null) : Stream
    {
        private long _position;
        private int _headRead;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count)
        {
            if (head is not null && _headRead < head.Length)
            {
                var h = Math.Min(count, head.Length - _headRead);
                Array.Copy(head, _headRead, buffer, offset, h);
                _headRead += h;
                return h;
            }
            var n = (int)Math.Min(count, length - _position);
            Array.Clear(buffer, offset, n);
            _position += n;
            return n;
        }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
