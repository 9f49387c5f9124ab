using System.Net;
using System.Text.RegularExpressions;
using Appeals.Core.Audit;
using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Appeals.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Appeals.Web.Tests.Queue;

[Collection(WebCollection.Name)]
public sealed class QueueTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<T> InDatabase<T>(Func<AppealsDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppealsDbContext>());
    }

    [Fact]
    public async Task Queue_AbsurdDeadlineFilter_Is400NamingTheFilter_NotA500()
    {
        var client = await app.SignedInClientAsync("specialist");

        var response = await client.GetAsync("/Queue?DueWithinDays=99999999", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Deadline within (days) must be a whole number from 0 to 3650", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Queue_EveryRowSaysWhyItRanksThere_InTheCasePagesWords()
    {
        var client = await app.SignedInClientAsync("specialist");

        var html = await client.GetStringAsync("/Queue", Ct);
        var first = CaseIds(html)[0];
        var why = Regex.Match(html, @"<td class=""priority-why""><strong>[\d,.]+</strong><div class=""small"">([^<]+)</div>").Groups[1].Value;
        var casePage = await client.GetStringAsync($"/Cases/{first}", Ct);

        Assert.StartsWith("expected recovery $", why);
        Assert.Contains(why, casePage);
    }

    [Fact]
    public async Task Queue_AppealedCase_ShowsItAwaitsTheDecision_NotAFilingDeadline()
    {
        var id = await InDatabase(async db =>
        {
            var c = await db.DenialCases.Where(d => d.Status == DenialCaseStatus.Open && d.AppealDeadline != null).OrderBy(d => d.Id).FirstAsync(Ct);
            db.Entry(c).Property(c => c.Status).CurrentValue = DenialCaseStatus.Appealed;
            db.Entry(c).Property(c => c.AppealDeadline).CurrentValue = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3);
            await db.SaveChangesAsync(Ct);
            return c.Id;
        });
        var client = await app.SignedInClientAsync("specialist");

        var html = await client.GetStringAsync("/Queue?Status=appealed", Ct);
        var row = Regex.Match(html, $@"<tr>\s*<td><a href=""/Cases/{id}"".*?</tr>", RegexOptions.Singleline).Value;

        Assert.Contains("awaiting the payer's decision", row);
        Assert.DoesNotContain("passed", row);
    }

    [Fact]
    public async Task QueueRows_NameTheirPayer()
    {
        var html = await (await app.SignedInClientAsync("specialist")).GetStringAsync("/Queue", Ct);
        var ids = CaseIds(html);
        var expected = await InDatabase(async db =>
        {
            var names = await db.Payers.ToDictionaryAsync(p => p.Id, p => p.Name, Ct);
            var cases = await db.DenialCases.Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.PayerId }).ToListAsync(Ct);
            return cases.ToDictionary(c => c.Id, c => names[c.PayerId]);
        });

        Assert.NotEmpty(expected);
        foreach (var (id, payer) in expected)
        {
            var row = Regex.Match(html, $@"<tr>\s*<td><a href=""/Cases/{id}"".*?</tr>", RegexOptions.Singleline).Value;
            Assert.Contains($"<td>{payer}</td>", WebUtility.HtmlDecode(row));
        }
    }

    [Fact]
    public async Task AssignList_HoldsExactlyTheSpecialistsAndManagers_InOrder()
    {
        List<string> expected;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Microsoft.AspNetCore.Identity.IdentityUser>>();
            expected = [.. (await users.GetUsersInRoleAsync("Specialist")).Concat(await users.GetUsersInRoleAsync("Manager")).Select(u => u.UserName!).Distinct().Order()];
        }
        var html = await (await app.SignedInClientAsync("manager")).GetStringAsync("/Queue", Ct);
        var firstList = Regex.Match(html, @"<select name=""assignee"".*?</select>", RegexOptions.Singleline).Value;

        var listed = Regex.Matches(firstList, @"<option value=""([^""]+)"">").Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("specialist", expected);
        Assert.Contains("manager", expected);
        Assert.DoesNotContain("auditor", expected);
        Assert.Equal(expected, listed);
    }

    [Fact]
    public async Task Assign_PreselectsNobody_AndRefusesAnEmptyChoiceSayingSo()
    {
        var manager = await app.SignedInClientAsync("manager");
        var html = await manager.GetStringAsync("/Queue?Assignee=unassigned", Ct);
        var id = CaseIds(html)[0];
        var version = Regex.Match(html, $@"action=""/Queue/Assign/{id}"">\s*<input type=""hidden"" name=""version"" value=""([^""]+)""").Groups[1].Value;

        var response = await manager.PostAsync($"/Queue/Assign/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["version"] = version, ["assignee"] = "", ["returnUrl"] = "/Queue",
            ["__RequestVerificationToken"] = DemoAppFactory.AntiforgeryToken(html),
        }), Ct);

        Assert.Contains("<option value=\"\" selected>Assign to…</option>", html);
        Assert.Contains($"Choose who case {id} goes to", await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("", await InDatabase(db => db.DenialCases.Where(c => c.Id == id).Select(c => c.AssignedTo).SingleAsync(Ct)));
    }

    [Fact]
    public async Task Queue_ListsOpenCasesHighestPriorityFirst_AndPagesByKeyset()
    {
        var client = await app.SignedInClientAsync("specialist");
        await InDatabase(async db =>
        {
            // Give the demo cases distinct priorities so the order is checkable.
            await db.Database.ExecuteSqlRawAsync("UPDATE DenialCases SET Priority = (Id * 37) % 1000", Ct);
            return 0;
        });

        var first = await client.GetStringAsync("/Queue", Ct);
        var next = Regex.Match(first, @"id=""next-page"" href=""([^""]+)""").Groups[1].Value.Replace("&amp;", "&");
        var second = await client.GetStringAsync(next, Ct);

        Assert.Equal(25, CaseIds(first).Count);
        var ids = CaseIds(first).Concat(CaseIds(second)).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var expected = await InDatabase(db => db.DenialCases
            .Where(c => c.Status == DenialCaseStatus.Open || c.Status == DenialCaseStatus.InProgress || c.Status == DenialCaseStatus.Appealed)
            .OrderByDescending(c => c.Priority).ThenBy(c => c.Id).Select(c => c.Id).Take(50).ToListAsync(Ct));
        Assert.Equal(expected, ids);
    }

    [Fact]
    public async Task Queue_PreviousPage_GoesBackByKeysetToThePageBefore()
    {
        var client = await app.SignedInClientAsync("specialist");
        // Ties on priority, so that going back must order by id within a priority as going forward does.
        await InDatabase(db => db.Database.ExecuteSqlRawAsync("UPDATE DenialCases SET Priority = Id % 4", Ct));
        var order = await InDatabase(db => db.DenialCases
            .Where(c => c.Status == DenialCaseStatus.Open || c.Status == DenialCaseStatus.InProgress || c.Status == DenialCaseStatus.Appealed)
            .OrderByDescending(c => c.Priority).ThenBy(c => c.Id).Select(c => new { c.Id, c.Priority }).ToListAsync(Ct));
        Assert.True(order.Count > 30, "the demo data should fill more than a page");

        var first = await client.GetStringAsync("/Queue", Ct);
        Assert.DoesNotContain(@"id=""previous-page""", first);
        var second = await client.GetStringAsync(Link(first, "next-page"), Ct);
        var backToFirst = await client.GetStringAsync(Link(second, "previous-page"), Ct);
        // From the 30th row back: the 25 rows before it, with a page still before those.
        var cursor = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{order[29].Priority}_{order[29].Id}");
        var middle = await client.GetStringAsync($"/Queue?Before={cursor}", Ct);

        Assert.Equal(order.Take(25).Select(o => o.Id), CaseIds(backToFirst));
        Assert.Equal(CaseIds(first), CaseIds(backToFirst));
        Assert.Equal(order.Skip(25).Take(25).Select(o => o.Id), CaseIds(second));
        Assert.Equal(order.Skip(4).Take(25).Select(o => o.Id), CaseIds(middle));
        Assert.Contains(@"id=""previous-page""", middle);
        Assert.Contains(@"id=""next-page""", middle);
        Assert.DoesNotContain(@"id=""previous-page""", backToFirst);
    }

    private static string Link(string html, string id) =>
        Regex.Match(html, $@"id=""{id}"" href=""([^""]+)""").Groups[1].Value.Replace("&amp;", "&") is { Length: > 0 } url
            ? url
            : throw new InvalidOperationException($"No #{id} link in the page");

    [Fact]
    public async Task Queue_FilterByCategory_ShowsOnlyThatCategory()
    {
        var client = await app.SignedInClientAsync("specialist");
        var category = await InDatabase(db => db.DenialCases.Select(c => c.Category).FirstAsync(Ct));

        var html = await client.GetStringAsync($"/Queue?Category={category}", Ct);

        var shown = CaseIds(html);
        Assert.NotEmpty(shown);
        var categories = await InDatabase(db => db.DenialCases.Where(c => shown.Contains(c.Id)).Select(c => c.Category).Distinct().ToListAsync(Ct));
        Assert.Equal([category], categories);
    }

    [Fact]
    public async Task Queue_FilterByMinDenied_ShowsExactlyTheOpenCasesDeniedAtLeastThat_ComparedAsMoneyNotText()
    {
        var client = await app.SignedInClientAsync("specialist");
        var open = (await InDatabase(db => db.DenialCases.Select(c => new { c.Id, c.Status, c.DeniedAmount }).ToListAsync(Ct)))
            .Where(c => !c.Status.IsClosed).ToList();
        // The tenth largest: few enough cases for one page, and as text many smaller amounts ("9.99" > "10.00") would pass.
        var minimum = open.Select(c => c.DeniedAmount).OrderDescending().ElementAt(9);

        var html = await client.GetStringAsync($"/Queue?MinDenied={minimum.ToString(System.Globalization.CultureInfo.InvariantCulture)}", Ct);

        var expected = open.Where(c => c.DeniedAmount >= minimum).Select(c => c.Id).Order().ToList();
        Assert.InRange(expected.Count, 10, 25);
        Assert.Equal(expected, CaseIds(html).Order());
    }

    [Fact]
    public async Task Claim_TwoUsersAtOnce_OneWinsAndTheOtherIsTold_AndTheWinnersClaimStartsTheWorkflowWithItsTransition()
    {
        var specialist = await app.SignedInClientAsync("specialist");
        var manager = await app.SignedInClientAsync("manager");
        var (id, version) = await InDatabase(db => db.DenialCases.Where(c => c.AssignedTo == "" && c.Status == DenialCaseStatus.Open).OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.Version }).FirstAsync(Ct).ContinueWith(t => (t.Result.Id, t.Result.Version), Ct));
        var specialistPage = await specialist.GetStringAsync("/Queue", Ct);
        var managerPage = await manager.GetStringAsync("/Queue", Ct);

        var answers = await Task.WhenAll(
            DemoAppFactory.ClaimAsync(specialist, specialistPage, id, version),
            DemoAppFactory.ClaimAsync(manager, managerPage, id, version));

        var winner = await InDatabase(db => db.DenialCases.Where(c => c.Id == id).Select(c => c.AssignedTo).SingleAsync(Ct));
        Assert.Contains(winner, new[] { "specialist", "manager" });
        Assert.Single(answers, a => a.Contains($"Case {id} is yours."));
        Assert.Single(answers, a => a.Contains($"Case {id} was changed by someone else first: it is now assigned to {winner}."));
        var claims = await InDatabase(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.CaseClaim && e.EntityId == id.ToString(), Ct));
        Assert.Equal(1, claims);
        // Claiming an open case moved it through the workflow, so its timeline shows the move (issue 17).
        var status = await InDatabase(db => db.DenialCases.Where(c => c.Id == id).Select(c => c.Status).SingleAsync(Ct));
        var starts = await InDatabase(db => db.WorkflowTransitions.Where(t => t.DenialCaseId == id && t.Trigger == "start").Select(t => t.Actor).ToListAsync(Ct));
        Assert.Equal(DenialCaseStatus.InProgress, status);
        Assert.Equal([winner], starts);
    }


    private static List<long> CaseIds(string html) =>
        Regex.Matches(html, @"href=""/Cases/(\d+)"" class=""case-link""").Select(m => long.Parse(m.Groups[1].Value)).ToList();
}
