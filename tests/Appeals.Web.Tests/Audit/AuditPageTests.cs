using System.Text.RegularExpressions;
using Appeals.Core.Audit;
using Appeals.Core.Persistence;
using Appeals.Web.Tests.Hosting;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Appeals.Web.Tests.Audit;

[Collection(WebCollection.Name)]
public sealed class AuditPageTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Export_Xlsx_HoldsEveryCaseTimelineAndIsLoggedWithItsReason()
    {
        var specialist = await app.SignedInClientAsync("specialist");
        var caseLink = Regex.Match(await specialist.GetStringAsync("/Queue", Ct), @"href=""/Cases/(\d+)""").Groups[1].Value;
        await specialist.GetStringAsync($"/Cases/{caseLink}", Ct);
        var auditor = await app.SignedInClientAsync("auditor");

        var bytes = await (await DemoAppFactory.ExportTimelineAsync(auditor, "xlsx", "annual review")).Content.ReadAsByteArrayAsync(Ct);

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal("Case", rows[0][0]);
        Assert.Contains(rows, r => r[0] == caseLink && r[9] == "denied");
        Assert.Contains(rows, r => r[0] == caseLink && r[9] == "case view" && r[10] == "specialist");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppealsDbContext>();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.Export && e.UserName == "auditor" && e.Reason == "annual review", Ct));
    }

    [Fact]
    public async Task MemberIdReveal_ShowsTheIdAndIsLogged_WhileTheCasePageMasksIt()
    {
        var client = await app.SignedInClientAsync("specialist");
        long id;
        string memberId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppealsDbContext>();
            // Member ids are encrypted at rest (ADR 0071): SQL sees only ciphertext, so pick the case after decryption.
            var cases = await db.DenialCases.Include(d => d.ClaimPayment).OrderBy(d => d.Id).Take(20).ToListAsync(Ct);
            var c = cases.First(d => d.ClaimPayment!.MemberId.Length > 4);
            (id, memberId) = (c.Id, c.ClaimPayment!.MemberId);
        }
        var page = await client.GetStringAsync($"/Cases/{id}", Ct);
        Assert.DoesNotContain(memberId, page);

        var revealed = await (await client.PostAsync($"/Cases/{id}/RevealMemberId", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["reason"] = "calling the payer",
            ["__RequestVerificationToken"] = DemoAppFactory.AntiforgeryToken(page),
        }), Ct)).Content.ReadAsStringAsync(Ct);

        Assert.Contains($"<code>{memberId}</code>", revealed);
        await using var check = app.Services.CreateAsyncScope();
        Assert.True(await check.ServiceProvider.GetRequiredService<AppealsDbContext>().AuditEntries
            .AnyAsync(e => e.Action == AuditActions.MemberIdReveal && e.EntityId == id.ToString() && e.Reason == "calling the payer", Ct));
    }

    [Fact]
    public async Task AccessLog_ShowsRows_UnfilteredAndFilteredByUserAndByAction()
    {
        var specialist = await app.SignedInClientAsync("specialist");
        var caseId = Regex.Match(await specialist.GetStringAsync("/Queue", Ct), @"href=""/Cases/(\d+)""").Groups[1].Value;
        await specialist.GetStringAsync($"/Cases/{caseId}", Ct);
        var auditor = await app.SignedInClientAsync("auditor");

        var all = await auditor.GetStringAsync("/Audit", Ct);
        var byUser = await auditor.GetStringAsync("/Audit?user=specialist&action=", Ct);
        var byAction = await auditor.GetStringAsync($"/Audit?action={AuditActions.CaseView}", Ct);

        Assert.Contains("(latest 200)", all);
        Assert.Contains($"case #{caseId}", AccessLog(all));
        Assert.Contains($"case #{caseId}", AccessLog(byUser));
        Assert.DoesNotContain("<td>auditor</td>", AccessLog(byUser));
        Assert.Contains($"case #{caseId}", AccessLog(byAction));
        Assert.DoesNotContain("<td>import</td>", AccessLog(byAction));
    }

    private static string AccessLog(string html) => html[html.IndexOf("id=\"access-log\"", StringComparison.Ordinal)..];

    [Fact]
    public async Task AuditPage_AfterARowIsAltered_SaysTheLogWasTamperedWithOnceVerified()
    {
        var auditor = await app.SignedInClientAsync("auditor");
        Assert.Contains("Audit log intact", await auditor.GetStringAsync("/Audit", Ct));
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<AppealsDbContext>().Database
                .ExecuteSqlRawAsync("UPDATE AuditEntries SET Details = 'edited' WHERE Id = (SELECT MIN(Id) FROM AuditEntries)", Ct);

        var html = await auditor.GetStringAsync("/Audit", Ct);
        Assert.Contains("Audit log intact", html); // the last walk, not a new one per view

        var verified = await (await auditor.PostAsync("/Audit/Verify", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = DemoAppFactory.AntiforgeryToken(html),
        }), Ct)).Content.ReadAsStringAsync(Ct);

        Assert.Contains("Audit log tampered with", verified);
    }
}
