using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Appeals.Core.Persistence;
using Appeals.Core.Remittances.X12;
using Appeals.Core.Rollups;
using Appeals.Tests.Shared;
using Appeals.Web.Tests.Hosting;
using Appeals.Workflows.Jobs;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Appeals.Web.Tests.PostgreSql;

/// <summary>
/// Issue 15's two nodes as they run in production: two processes of the built web app on two loopback ports, each with its
/// Hangfire server, on one PostgreSQL database, sharing the key ring and the storage folder. Everything is done over HTTP
/// or read from the database; nothing of either app runs in this process.
/// </summary>
public sealed class TwoNodeProcessesOnPostgreSqlTests(TwoWebNodeProcesses nodes) : IClassFixture<TwoWebNodeProcesses>
{
    private const int Transactions = 30, ClaimsEach = 200;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignedInOnNodeA_IsSignedInOnNodeB()
    {
        await nodes.StartAsync();
        using var onA = nodes.A.Client();
        var signIn = await DemoAppFactory.SignInAsync(onA, "specialist", WebNodeProcess.DemoPassword);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("Appeals.Auth=", StringComparison.Ordinal)).Split(';')[0];
        using var onB = nodes.B.Client(cookies: false);

        using var withCookie = new HttpRequestMessage(HttpMethod.Get, "/Queue") { Headers = { { "Cookie", cookie } } };
        var signedIn = await onB.SendAsync(withCookie, Ct);
        var anonymous = await onB.GetAsync("/Queue", Ct);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Contains("id=\"signed-in-as\">specialist<", await signedIn.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }

    [Fact]
    public async Task SameFile_UploadedThroughBothNodesAtOnce_IsImportedOnce_TheOtherAnswersDuplicate()
    {
        await nodes.StartAsync();
        var file = Era835();
        using var onA = nodes.A.Client();
        using var onB = nodes.B.Client();
        await DemoAppFactory.SignInAsync(onA, "specialist", WebNodeProcess.DemoPassword);
        await DemoAppFactory.SignInAsync(onB, "manager", WebNodeProcess.DemoPassword);
        var formA = await UploadFormAsync(onA, file);
        var formB = await UploadFormAsync(onB, file);

        var uploads = await Task.WhenAll(onA.PostAsync("/Imports", formA, Ct), onB.PostAsync("/Imports", formB, Ct));
        var pages = await Task.WhenAll(ResultPageAsync(onA, uploads[0]), ResultPageAsync(onB, uploads[1]));

        // Each upload finished as an import (never a failed batch); one stored the file, the other says it was a duplicate.
        Assert.All(pages, p => Assert.DoesNotContain("id=\"import-failure\"", p));
        var results = pages.Select(p => Regex.Match(p, @"id=""import-result"">\s*1 file\(s\): (\d+) imported, .*?(\d+) already imported before").Groups).ToList();
        Assert.All(results, r => Assert.True(r[0].Success, "no import result on the page"));
        Assert.Equal(new[] { "0:1", "1:0" }, results.Select(r => $"{r[1].Value}:{r[2].Value}").Order());
        // Stored once: every transaction and claim of the file, one file record, rollups exact.
        using var db = AppealsDatabase.CreateContext(DatabaseProvider.PostgreSql, nodes.ConnectionString, Appeals.Core.Privacy.PhiKeyRing.Ephemeral());
        Assert.Equal(Transactions, await db.Remittances.CountAsync(r => r.TraceNumber.StartsWith("NODES"), Ct));
        Assert.Equal(Transactions * ClaimsEach, await db.ClaimPayments.CountAsync(c => c.PatientControlNumber.StartsWith("NODES"), Ct));
        Assert.Equal(1, await db.ImportedFiles.CountAsync(f => f.FileName.EndsWith("same-remittance.835"), Ct));
        Assert.Empty(await RollupCheck.DifferencesAsync(db, Ct));
    }

    [Fact]
    public async Task DeadlineSweep_OnASchedule_RunsOncePerOccurrenceAcrossBothNodesJobServers()
    {
        await nodes.StartAsync();
        var options = new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = false };
        var jobs = new RecurringJobManager(new PostgreSqlStorage(new NpgsqlConnectionFactory(nodes.ConnectionString, options), options));
        Assert.Equal(2L, await ScalarAsync<long>("SELECT count(*) FROM hangfire.server"));

        // The real sweep, every 3 seconds instead of daily; both nodes look for due recurring jobs every second.
        var from = await ScalarAsync<DateTime>("SELECT now() AT TIME ZONE 'UTC'");
        jobs.AddOrUpdate<DeadlineSweepJob>(RecurringJobs.DeadlineSweep, j => j.RunAsync(CancellationToken.None), "*/3 * * * * *");
        await Task.Delay(TimeSpan.FromSeconds(21), Ct);
        jobs.AddOrUpdate<DeadlineSweepJob>(RecurringJobs.DeadlineSweep, j => j.RunAsync(CancellationToken.None), Cron.Daily(5));
        var to = await ScalarAsync<DateTime>("SELECT now() AT TIME ZONE 'UTC'");
        // They run one at a time (DisableConcurrentExecution): a loaded machine takes seconds per sweep.
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (await ScalarAsync<long>(SweepJobs + " AND j.statename NOT IN ('Succeeded', 'Failed', 'Deleted')") > 0 && DateTime.UtcNow < deadline)
            await Task.Delay(500, Ct);

        var occurrences = (long)Math.Floor(new DateTimeOffset(to, TimeSpan.Zero).ToUnixTimeMilliseconds() / 3000.0) - (long)Math.Floor(new DateTimeOffset(from, TimeSpan.Zero).ToUnixTimeMilliseconds() / 3000.0);
        var runs = await ScalarAsync<long>(SweepJobs);
        Assert.True(runs >= 3, $"{runs} sweeps in {occurrences} occurrences: the schedule did not run");
        // Both job servers see every occurrence due; one run each (one more may fall due at the moment the schedule is put back).
        Assert.True(runs <= occurrences + 1, $"{runs} sweeps for {occurrences} occurrences: an occurrence ran on both nodes");
        Assert.Equal(runs, await ScalarAsync<long>(SweepJobs + " AND j.statename = 'Succeeded'"));
        var history = await ScalarAsync<string>("SELECT string_agg(h, E'\\n') FROM (SELECT j.id || ': ' || string_agg(s.name || ' ' || to_char(s.createdat, 'HH24:MI:SS.MS') || ' ' || coalesce(s.reason, '') || ' ' || coalesce(s.data::text, ''), ' | ' ORDER BY s.id) AS h FROM hangfire.state s JOIN hangfire.job j ON j.id = s.jobid WHERE j.id IN (SELECT j.id " + FromSweepJobs + ") GROUP BY j.id) x");
        Assert.True(runs == await ScalarAsync<long>("SELECT count(*) FROM hangfire.state s WHERE s.name = 'Processing' AND s.jobid IN (SELECT j.id " + FromSweepJobs + ")"),
            "a sweep was performed more than once:\n" + history);
    }

    // The background jobs made from the deadline sweep's schedule (the scheduler gives each its recurring job's id).
    private const string FromSweepJobs = "FROM hangfire.job j WHERE EXISTS (SELECT 1 FROM hangfire.jobparameter p WHERE p.jobid = j.id AND p.name = 'RecurringJobId' AND p.value LIKE '%" + RecurringJobs.DeadlineSweep + "%')";
    private const string SweepJobs = "SELECT count(*) " + FromSweepJobs;

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(nodes.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(Ct))!;
    }

    private static byte[] Era835()
    {
        using var text = new StringWriter();
        new Remittance835Writer(text).WriteInterchange(Enumerable.Range(1, Transactions).Select(t => SyntheticEra.Transaction($"NODES{t:D4}", ClaimsEach)).ToList());
        return System.Text.Encoding.ASCII.GetBytes(text.ToString());
    }

    private static async Task<MultipartFormDataContent> UploadFormAsync(HttpClient client, byte[] file)
    {
        var page = await client.GetStringAsync("/Imports", Ct);
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { new StringContent(DemoAppFactory.AntiforgeryToken(page)), "__RequestVerificationToken" }, { content, "files", "same-remittance.835" } };
    }

    /// <summary>Follows an upload to its job's page once the job is done, as the page's progress bar does.</summary>
    private static async Task<string> ResultPageAsync(HttpClient client, HttpResponseMessage upload)
    {
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var job = upload.Headers.Location!.OriginalString;
        Assert.Matches("^/Imports/[0-9a-f-]{36}$", job);
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (DateTime.UtcNow < deadline)
        {
            using var status = JsonDocument.Parse(await client.GetStringAsync(job + "/status", Ct));
            if (status.RootElement.GetProperty("state").GetString() is "done" or "failed") return await client.GetStringAsync(job, Ct);
            await Task.Delay(250, Ct);
        }
        throw new TimeoutException($"{job} did not finish within 4 minutes");
    }
}
