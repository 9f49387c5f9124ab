using System.Text.RegularExpressions;
using Appeals.Web.Tests.Hosting;

namespace Appeals.Web.Tests.Dashboard;

[Collection(WebCollection.Name)]
public sealed class DashboardPageTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private static readonly string[] Charts = ["pareto", "trend", "heatmap", "top-carcs", "aging", "overturn"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Dashboard_ForAManager_ShowsKpisAndEveryChartWithItsDataTable()
    {
        var html = await (await app.SignedInClientAsync("manager")).GetStringAsync("/Dashboard", Ct);

        Assert.Contains("Initial denial rate", html);
        foreach (var chart in Charts)
        {
            var section = Section(html, chart);
            Assert.Contains($"/Dashboard/Chart/{chart}.svg", section);
            Assert.Contains($"/Dashboard/Data/{chart}.csv", section);
        }
        // The demo data has denials in several categories, so the Pareto table has a row per category.
        Assert.True(TableRows(Section(html, "pareto")).Count > 1);
    }

    [Fact]
    public async Task Dashboard_FilteredToOneCategory_ChangesTheFigures()
    {
        var client = await app.SignedInClientAsync("manager");
        var all = await client.GetStringAsync("/Dashboard", Ct);
        var category = Regex.Match(all, "<option value=\"([a-z_]+)\"").Groups[1].Value;
        Assert.NotEmpty(category);

        var one = await client.GetStringAsync($"/Dashboard?category={category}", Ct);

        Assert.Single(TableRows(Section(one, "pareto")));
        Assert.NotEqual(Kpis(all), Kpis(one));
    }

    [Fact]
    public async Task Dashboard_DownloadsAndImages_CarryTheChartData()
    {
        var client = await app.SignedInClientAsync("manager");

        var csv = await client.GetAsync("/Dashboard/Data/pareto.csv", Ct);
        var xlsx = await client.GetAsync("/Dashboard/Data/pareto.xlsx", Ct);
        var png = await client.GetByteArrayAsync("/Dashboard/Chart/top-carcs.png", Ct);
        var svg = await client.GetStringAsync("/Dashboard/Chart/aging.svg", Ct);

        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync(Ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length > 2, "a header and a row per category");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal("PK"u8.ToArray(), (await xlsx.Content.ReadAsByteArrayAsync(Ct))[..2]);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        Assert.Contains("<svg", svg);
    }

    private static string Section(string html, string chart) =>
        Regex.Match(html, $"<section[^>]*id=\"chart-{chart}\"(.*?)</section>", RegexOptions.Singleline).Groups[1].Value;

    private static List<string> TableRows(string section)
    {
        var body = Regex.Match(section, "<tbody>(.*?)</tbody>", RegexOptions.Singleline).Groups[1].Value;
        return [.. Regex.Matches(body, "<tr>(.*?)</tr>", RegexOptions.Singleline).Select(m => m.Groups[1].Value)];
    }

    private static string Kpis(string html) =>
        Regex.Match(html, "id=\"kpis\"(.*?)<section", RegexOptions.Singleline).Groups[1].Value;
}
