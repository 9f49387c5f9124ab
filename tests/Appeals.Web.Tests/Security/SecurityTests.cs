using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Appeals.Core.Audit;
using Appeals.Core.Persistence;
using Appeals.Web.Account;
using Appeals.Web.Identity;
using Appeals.Web.Tests.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Appeals.Web.Tests.Security;

/// <summary>The attacks of issue 14 against the running app, each one refused (and audited where the issue asks).</summary>
[Collection(WebCollection.Name)]
public sealed partial class SecurityTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<T> InDatabase<T>(Func<AppealsDbContext, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppealsDbContext>());
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pageUrl, string url, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = DemoAppFactory.AntiforgeryToken(await client.GetStringAsync(pageUrl, Ct));
        return await client.PostAsync(url, new FormUrlEncodedContent(fields), Ct);
    }

    [Fact]
    public async Task CsvExport_PayerNameAndNoteThatAreFormulas_ComeOutAsText()
    {
        var id = await app.CaseOnALetterRouteAsync();
        var specialist = await app.SignedInClientAsync("specialist");
        await PostFormAsync(specialist, $"/Cases/{id}", $"/Cases/{id}/Notes", new() { ["text"] = "@SUM(1+1)" });
        await PostFormAsync(specialist, $"/Cases/{id}", $"/Cases/{id}/Notes", new() { ["text"] = "+CMD|' /C calc'!A0" });
        await PostFormAsync(specialist, $"/Cases/{id}", $"/Cases/{id}/Notes", new() { ["text"] = "-2+3+cmd|' /C calc'!A0" });
        await InDatabase(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE Payers SET Name = '=HYPERLINK(\"http://evil.test\",\"x\")' WHERE Id = (SELECT PayerId FROM DenialCases WHERE Id = {0})", [id], Ct));
        var auditor = await app.SignedInClientAsync("auditor");

        var response = await DemoAppFactory.ExportTimelineAsync(auditor, "csv", "formula check");
        var csv = await response.Content.ReadAsStringAsync(Ct);

        var line = csv.Split('\n').FirstOrDefault(l => l.Contains("SUM(1+1)")) ?? "";
        Assert.StartsWith($"{id},\"'=HYPERLINK(\"\"http://evil.test\"\",\"\"x\"\")\",", line);
        Assert.Contains(",\"'@SUM(1+1)\"", line);
        // + and - too (a negative amount such as -12.50 stays a number: SpreadsheetSafeCsvWriterTests).
        Assert.Contains("'+CMD|' /C calc'!A0", csv);
        Assert.Contains("'-2+3+cmd|' /C calc'!A0", csv);
        Assert.DoesNotContain(",+CMD", csv);
        Assert.DoesNotContain(",-2+3", csv);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task TimelineExport_ByALink_IsNotServed()
    {
        var auditor = await app.SignedInClientAsync("auditor");

        var response = await auditor.GetAsync("/Audit/Export?Format=csv&Reason=from+a+link", Ct);

        Assert.False(response.IsSuccessStatusCode);
    }

    [Fact]
    public async Task Downloads_ChartDataAndLetters_AreNeverCached()
    {
        var manager = await app.SignedInClientAsync("manager");

        var response = await manager.GetAsync("/Dashboard/Data/pareto.csv", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl!.NoStore);
    }

    [Fact]
    public async Task SignOff_ALetterOfAnotherCase_IsNotFoundAndSignsNothing()
    {
        var id = await app.CaseOnALetterRouteAsync();
        var letterId = await app.GenerateLetterAsync(id);
        var otherCase = await InDatabase(db => db.DenialCases.Where(c => c.Id != id).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(Ct));
        var manager = await app.SignedInClientAsync("manager", followRedirects: false);

        var response = await PostFormAsync(manager, $"/Cases/{otherCase}", $"/Cases/{otherCase}/Letters/{letterId}/SignOff", []);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(await InDatabase(db => db.AppealLetters.Where(l => l.Id == letterId).Select(l => l.SignedOffBy).SingleAsync(Ct)));
        Assert.False(await InDatabase(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.LetterSignOff && e.EntityId == otherCase.ToString(), Ct)));
    }

    [Fact]
    public async Task Move_OnACaseThatChangedSinceThePageShowedIt_IsRefusedAndChangesNothing()
    {
        var id = await app.CaseOnALetterRouteAsync();
        var before = await InDatabase(db => db.DenialCases.Where(c => c.Id == id).Select(c => new { c.WorkflowState, c.Version }).SingleAsync(Ct));
        var specialist = await app.SignedInClientAsync("specialist");
        var page = await specialist.GetStringAsync($"/Cases/{id}", Ct);
        Assert.Contains($"name=\"version\" value=\"{before.Version}\"", page);
        var trigger = Regex.Match(page, @"name=""trigger"" value=""([a-z_]+)""").Groups[1].Value;

        var html = await (await specialist.PostAsync($"/Cases/{id}/Move", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["trigger"] = trigger, ["version"] = Guid.NewGuid().ToString(), ["__RequestVerificationToken"] = DemoAppFactory.AntiforgeryToken(page),
        }), Ct)).Content.ReadAsStringAsync(Ct);

        Assert.Contains("This case changed since you opened it", html);
        Assert.Equal(before.WorkflowState, await InDatabase(db => db.DenialCases.Where(c => c.Id == id).Select(c => c.WorkflowState).SingleAsync(Ct)));
        Assert.False(await InDatabase(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.WorkflowMove && e.EntityId == id.ToString(), Ct)));
    }

    [Theory]
    [InlineData("auditor")]
    [InlineData("nobody-by-this-name")]
    [InlineData(null)]
    public async Task Assign_ToSomeoneWhoDoesNotWorkCases_IsRefused(string? assignee)
    {
        assignee ??= new string('x', 10_000);
        var (id, version) = await InDatabase(async db => await db.DenialCases.Where(c => (c.AssignedTo == null || c.AssignedTo == "") && c.Status == Appeals.Core.Denials.DenialCaseStatus.Open).OrderByDescending(c => c.Id)
            .Select(c => new ValueTuple<long, Guid>(c.Id, c.Version)).FirstAsync(Ct));
        var manager = await app.SignedInClientAsync("manager");

        var html = await (await PostFormAsync(manager, "/Queue", $"/Queue/Assign/{id}", new() { ["version"] = version.ToString(), ["assignee"] = assignee }))
            .Content.ReadAsStringAsync(Ct);

        Assert.Contains("can only be given to a specialist or a manager", html);
        Assert.True(string.IsNullOrEmpty(await InDatabase(db => db.DenialCases.Where(c => c.Id == id).Select(c => c.AssignedTo).SingleAsync(Ct))));
    }

    [Fact]
    public async Task Assign_ToASpecialist_StillWorks()
    {
        var (id, version) = await InDatabase(async db => await db.DenialCases.Where(c => (c.AssignedTo == null || c.AssignedTo == "") && c.Status == Appeals.Core.Denials.DenialCaseStatus.Open).OrderBy(c => c.Id)
            .Select(c => new ValueTuple<long, Guid>(c.Id, c.Version)).FirstAsync(Ct));
        var manager = await app.SignedInClientAsync("manager");

        await PostFormAsync(manager, "/Queue", $"/Queue/Assign/{id}", new() { ["version"] = version.ToString(), ["assignee"] = "specialist" });

        Assert.Equal("specialist", await InDatabase(db => db.DenialCases.Where(c => c.Id == id).Select(c => c.AssignedTo).SingleAsync(Ct)));
    }

    [Fact]
    public async Task SignIn_UnknownNameWrongPasswordAndLockedAccount_GetTheSameAnswer_AndAreAudited()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var user = new IdentityUser("lock-target");
            Assert.True((await users.CreateAsync(user, DemoAppFactory.Password)).Succeeded);
            await users.AddToRoleAsync(user, AppealsRoles.Specialist);
        }
        async Task<string> TryAsync(string name, string password) =>
            await (await DemoAppFactory.SignInAsync(app.CreateClient(), name, password)).Content.ReadAsStringAsync(Ct);

        var unknown = await TryAsync("typed-my-password-here", "whatever");
        for (var i = 0; i < 5; i++) await TryAsync("lock-target", "wrong-password");
        var locked = await TryAsync("lock-target", DemoAppFactory.Password);

        var answer = WebUtility.HtmlEncode(AccountController.FailedMessage);
        Assert.Contains(answer, unknown);
        Assert.Contains(answer, locked);
        Assert.DoesNotContain("locked for a while.", Regex.Replace(locked, Regex.Escape(answer), ""));
        var failed = await InDatabase(db => db.AuditEntries.Where(e => e.Action == AuditActions.SignInFailed).ToListAsync(Ct));
        Assert.Contains(failed, e => e.UserName == "(unknown)" && e.Details == "unknown user name");
        Assert.Equal(6, failed.Count(e => e.UserName == "lock-target"));
        Assert.Contains(failed, e => e.UserName == "lock-target" && e.Details == "wrong password");
        Assert.Equal("account locked", failed.Where(e => e.UserName == "lock-target").MaxBy(e => e.Id)!.Details);
        Assert.DoesNotContain(failed, e => e.UserName.Contains("typed-my-password") || e.Details.Contains("typed-my-password"));
    }

    [Fact]
    public async Task SignIn_UnknownName_TakesAboutAsLongAsAWrongPassword()
    {
        // Three tries of a real name, plus the warm-up: one short of a lockout, which would answer early.
        async Task<double> MedianMsAsync(string name, int tries = 3)
        {
            var times = new List<double>();
            for (var i = 0; i < tries; i++)
            {
                var client = app.CreateClient();
                var form = await client.GetStringAsync("/Account/Login", Ct);
                var watch = Stopwatch.StartNew();
                await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["UserName"] = name, ["Password"] = "wrong-password-" + i, ["__RequestVerificationToken"] = DemoAppFactory.AntiforgeryToken(form),
                }), Ct);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            return times.Order().ElementAt(times.Count / 2);
        }
        await MedianMsAsync("no-such-user-anywhere", 2); // warm up both paths' code
        await MedianMsAsync("admin", 1);

        var known = await MedianMsAsync("admin");
        var unknown = await MedianMsAsync("no-such-user-anywhere");

        // Before: 3-5 ms against 52-57 ms. Both now hash the password; a third leaves room for a busy shared machine.
        Assert.True(unknown > known / 3, $"unknown name {unknown:F1} ms, wrong password {known:F1} ms");
    }

    [Fact]
    public async Task SignOutAndARefusedPage_AreAudited()
    {
        var auditor = await app.SignedInClientAsync("auditor", followRedirects: false);

        var denied = await auditor.GetAsync("/Queue", Ct);
        await PostFormAsync(auditor, "/Audit", "/Account/Logout", []);

        Assert.Contains("/Account/AccessDenied", denied.Headers.Location!.ToString());
        Assert.True(await InDatabase(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.AccessDenied && e.UserName == "auditor" && e.Details == "GET /Queue", Ct)));
        Assert.True(await InDatabase(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.SignOut && e.UserName == "auditor", Ct)));
    }

    [Fact]
    public async Task SignIn_WithAReturnUrlElsewhere_StaysOnTheSite()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = await client.GetStringAsync("/Account/Login", Ct);

        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "specialist", ["Password"] = DemoAppFactory.Password, ["ReturnUrl"] = "https://evil.test/phish",
            ["__RequestVerificationToken"] = DemoAppFactory.AntiforgeryToken(form),
        }), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/", response.Headers.Location!.OriginalString);
        Assert.DoesNotContain("evil.test", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task CrossSitePost_WithoutTheAntiforgeryToken_IsRefused()
    {
        var id = await app.CaseOnALetterRouteAsync();
        var specialist = await app.SignedInClientAsync("specialist");

        var response = await specialist.PostAsync($"/Cases/{id}/Notes", new FormUrlEncodedContent(new Dictionary<string, string> { ["text"] = "forged" }), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        // Compared after reading: the text is sealed (a different value each time), so SQL cannot compare it.
        Assert.DoesNotContain("forged", await InDatabase(db => db.CaseNotes.Where(n => n.DenialCaseId == id).Select(n => n.Text).ToListAsync(Ct)));
    }
}
