using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Appeals.Web.Tests.Hosting;
using Appeals.Web.Tests.Remittances;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Appeals.Web.Tests.Cases;

[Collection(WebCollection.Name)]
public sealed class CasesPageTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    [Fact]
    public async Task Cases_ListsDenialCasesLargestDeniedAmountFirst()
    {
        var html = await (await app.SignedInClientAsync("specialist")).GetStringAsync("/Cases", TestContext.Current.CancellationToken);

        var rows = RemittancesPageTests.Rows(html);
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Contains("DEMO", r));
        var denied = rows.Select(r => Money(Regex.Matches(r, @"<td class=""money"">([^<]*)</td>")[0].Groups[1].Value)).ToList();
        Assert.Equal(denied.OrderDescending(), denied);
        Assert.True(denied[0] > 0);
    }

    [Fact]
    public async Task CaseDetails_ShowsTheClaimLinesAndDeniedAdjustments()
    {
        var client = (await app.SignedInClientAsync("specialist"));
        var list = await client.GetStringAsync("/Cases", TestContext.Current.CancellationToken);
        var link = Regex.Match(list, @"href=""(/Cases/\d+)""").Groups[1].Value;

        var html = await client.GetStringAsync(link, TestContext.Current.CancellationToken);

        Assert.Contains("Service lines", html);
        Assert.Matches(@"<tr class=""table-danger"">\s*<td>(CO|PR|OA|PI)</td>", html);
        Assert.Matches(@"<dd class=""col-7"" id=""case-category"">[a-z ]+</dd>", html);
        Assert.Contains("DEMO", html);
    }

    [Fact]
    public async Task CaseDetails_UnknownId_IsNotFound()
    {
        var response = await (await app.SignedInClientAsync("specialist")).GetAsync("/Cases/987654321", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task CaseDetails_SaysTheClaimStatusInWords_ExplainsThePriority_AndOffersClaim()
    {
        var client = await app.SignedInClientAsync("specialist");
        var id = Regex.Match(await client.GetStringAsync("/Queue?Assignee=unassigned", Ct), @"href=""/Cases/(\d+)"" class=""case-link""").Groups[1].Value;

        var html = await client.GetStringAsync($"/Cases/{id}", Ct);
        var claimed = await client.PostAsync($"/Queue/Claim/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["version"] = Regex.Match(html, @"id=""claim-case"">\s*<input type=""hidden"" name=""version"" value=""([^""]+)""").Groups[1].Value,
            ["returnUrl"] = $"/Cases/{id}",
            ["__RequestVerificationToken"] = DemoAppFactory.AntiforgeryToken(html),
        }), Ct);

        Assert.DoesNotContain("Status (CLP02)", html);
        Assert.Matches(@"id=""claim-status"">(processed as|denied|reversal)", html);
        Assert.Matches(@"id=""case-priority"">Queue priority <strong>[\d,.]+</strong>: (expected recovery|not scored)", html);
        Assert.Equal($"/Cases/{id}", claimed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains($"Case {id} is yours.", await claimed.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task LetterForm_ShowsTheFieldsItsTemplateNeeds_AndAMissingOneKeepsWhatWasTyped()
    {
        var client = await app.SignedInClientAsync("specialist");
        var id = await app.CaseOnALetterRouteAsync();
        var html = await client.GetStringAsync($"/Cases/{id}", Ct);
        var needed = Regex.Matches(html, @"id=""(\w+)"" name=""\1""[^>]* required aria-required=""true"" data-letter-field").Select(m => m.Groups[1].Value).ToList();

        var response = await client.PostAsync($"/Cases/{id}/Letters", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Argument"] = "The payer's own policy covers this service.",
            ["__RequestVerificationToken"] = DemoAppFactory.AntiforgeryToken(html),
        }), Ct);
        var after = await response.Content.ReadAsStringAsync(Ct);

        Assert.Contains("Argument", needed);
        Assert.True(needed.Count > 1, string.Join(", ", needed));
        Assert.Contains("id=\"letter-problem\"", after);
        Assert.Contains("is needed: fill it in.", after);
        Assert.DoesNotContain("{{", after);
        Assert.Contains(">The payer&#x27;s own policy covers this service.</textarea>", after);
        Assert.Contains("id=\"next-step\"", after);
    }

    [Fact]
    public async Task TwoLetters_GeneratedAtOnceOnOneCase_BothSucceedAsTwoVersions()
    {
        var id = await app.CaseOnALetterRouteAsync();
        var first = await app.SignedInClientAsync("specialist");
        var second = await app.SignedInClientAsync("manager");
        async Task<HttpResponseMessage> GenerateAsync(HttpClient client)
        {
            var fields = new[] { "Argument", "ClinicalSummary", "Enclosures", "GroupNumber", "AuthorizationNumber", "OriginalSubmissionDate", "ProofOfSubmission", "CorrectionSummary", "SignatureName" }
                .ToDictionary(f => f, f => "synthetic " + f);
            fields["__RequestVerificationToken"] = DemoAppFactory.AntiforgeryToken(await client.GetStringAsync($"/Cases/{id}", Ct));
            return await client.PostAsync($"/Cases/{id}/Letters", new FormUrlEncodedContent(fields), Ct);
        }
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Appeals.Core.Persistence.AppealsDbContext>();
        var before = await db.AppealLetters.CountAsync(l => l.DenialCaseId == id, Ct);

        var responses = await Task.WhenAll(GenerateAsync(first), GenerateAsync(second));

        foreach (var response in responses)
            Assert.Matches(@"Letter version \d+ generated", await response.Content.ReadAsStringAsync(Ct));
        var versions = await db.AppealLetters.Where(l => l.DenialCaseId == id).OrderBy(l => l.VersionNumber).Select(l => l.VersionNumber).ToListAsync(Ct);
        Assert.Equal(Enumerable.Range(1, before + 2), versions);
    }

    [Fact]
    public async Task WorkflowMove_OnAnUnassignedCase_GivesItToWhoeverMovedIt()
    {
        var client = await app.SignedInClientAsync("specialist");
        var id = Regex.Match(await client.GetStringAsync("/Queue?Assignee=unassigned&Status=open", Ct), @"href=""/Cases/(\d+)"" class=""case-link""").Groups[1].Value;
        var html = await client.GetStringAsync($"/Cases/{id}", Ct);

        var moved = await client.PostAsync($"/Cases/{id}/Move", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["trigger"] = "start", ["__RequestVerificationToken"] = DemoAppFactory.AntiforgeryToken(html),
        }), Ct);

        Assert.Contains("The case is now yours.", await moved.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Assigned to: <strong>specialist</strong>", await client.GetStringAsync($"/Cases/{id}", Ct));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static decimal Money(string text) =>
        decimal.Parse(text.Replace("$", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
}
