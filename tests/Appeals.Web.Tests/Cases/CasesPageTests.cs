using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Appeals.Web.Tests.Hosting;
using Appeals.Web.Tests.Remittances;

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

    private static decimal Money(string text) =>
        decimal.Parse(text.Replace("$", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
}
