using System.Text.RegularExpressions;
using Appeals.Web.Tests.Hosting;

namespace Appeals.Web.Tests.Remittances;

[Collection(WebCollection.Name)]
public sealed class RemittancesPageTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    [Fact]
    public async Task Remittances_ListsImportedRemittancesFromTheDatabase()
    {
        var html = await (await app.SignedInClientAsync("specialist")).GetStringAsync("/Remittances", TestContext.Current.CancellationToken);

        var rows = Rows(html);
        Assert.Equal(25, rows.Count);
        Assert.All(rows, r => Assert.Contains("DEMO", r));
        Assert.All(rows, r => Assert.Matches(@"\$\d", r));
        Assert.Matches(@"Page 1 of \d+", html);
    }

    [Fact]
    public async Task Remittances_SecondPage_ShowsOtherRows()
    {
        var client = (await app.SignedInClientAsync("specialist"));

        var first = Rows(await client.GetStringAsync("/Remittances?page=1", TestContext.Current.CancellationToken));
        var second = Rows(await client.GetStringAsync("/Remittances?page=2", TestContext.Current.CancellationToken));

        Assert.NotEmpty(second);
        Assert.Empty(first.Intersect(second));
    }

    internal static List<string> Rows(string html)
    {
        var body = Regex.Match(html, "<tbody>(.*?)</tbody>", RegexOptions.Singleline).Groups[1].Value;
        return Regex.Matches(body, "<tr>(.*?)</tr>", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
    }
}
