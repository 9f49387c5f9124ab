using System.Text.RegularExpressions;
using Appeals.Core.Denials;
using Appeals.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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
    public async Task DeadlinesMissed_CountsEveryCaseTheQueueShowsAsPassed()
    {
        long passed;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            passed = await scope.ServiceProvider.GetRequiredService<Appeals.Core.Persistence.AppealsDbContext>().DenialCases
                .CountAsync(c => c.DeadlineMissed || ((c.Status == DenialCaseStatus.Open || c.Status == DenialCaseStatus.InProgress) && c.AppealDeadline < today), Ct);
        }

        var html = await (await app.SignedInClientAsync("manager")).GetStringAsync("/Dashboard", Ct);

        Assert.True(passed > 0, "the demo data should have some passed deadlines to count");
        Assert.Equal(passed.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
            Regex.Match(html, @"Deadlines missed</div>\s*<div class=""fs-4"">([\d,]+)</div>").Groups[1].Value);
    }

    [Fact]
    public async Task Dashboard_SaysWhenItsSharedFiguresWereComputed_AndItsImagesShowTheSameFigures()
    {
        var client = await app.SignedInClientAsync("manager");
        var html = await client.GetStringAsync("/Dashboard", Ct);
        var csv = await client.GetStringAsync("/Dashboard/Data/pareto.csv", Ct);

        Assert.Matches(@"id=""figures-age"">Figures computed at \d\d:\d\d:\d\d UTC \(\d+ s ago\) for everyone viewing this filter; a visit that finds them older than 30 s has them recomputed\.<", html);
        // The download comes from the same stored figures as the table on the page: every category row of one is in the other.
        foreach (var row in TableRows(Section(html, "pareto")))
            Assert.Contains(Regex.Match(row, "<td[^>]*>([^<]*)</td>").Groups[1].Value.Replace(' ', '_'), csv.Replace(' ', '_'));
    }

    [Fact]
    public async Task Dashboard_HasNoInlineStyles_AndLinksItsDefinitions()
    {
        var client = await app.SignedInClientAsync("manager");
        var html = await client.GetStringAsync("/Dashboard", Ct);
        var definitions = await client.GetStringAsync("/Dashboard/Definitions", Ct);

        Assert.DoesNotContain(" style=", html);
        Assert.Contains("href=\"/Dashboard/Definitions\"", html);
        Assert.Contains("<table>", definitions);
        Assert.Contains("Initial denial rate, by count", definitions);
    }

    [Fact]
    public async Task Demo_EndsToday_WithDeadlinesAhead_DecidedAppeals_AndCasesOfEveryAge()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await using var scope = app.Services.CreateAsyncScope();
        var cases = scope.ServiceProvider.GetRequiredService<Appeals.Core.Persistence.AppealsDbContext>().DenialCases.AsNoTracking();

        var deadlinesAhead = await cases.CountAsync(c => (c.Status == DenialCaseStatus.Open || c.Status == DenialCaseStatus.InProgress) && c.AppealDeadline >= today, Ct);
        var decided = await cases.CountAsync(c => c.FirstAppealedAt != null && (c.Status == DenialCaseStatus.Recovered || c.Status == DenialCaseStatus.PartiallyRecovered || c.Status == DenialCaseStatus.Upheld), Ct);
        var newest = await cases.MaxAsync(c => c.DenialDate, Ct);
        var html = await (await app.SignedInClientAsync("manager")).GetStringAsync("/Dashboard", Ct);

        Assert.True(deadlinesAhead > 0, "no open case has a deadline ahead");
        Assert.True(decided > 0, "no appeal was decided");
        Assert.InRange(today.DayNumber - newest.DayNumber, 0, 30);
        Assert.DoesNotMatch(@"Appeal overturn rate</div>\s*<div class=""fs-4"">no outcomes yet", html);
        Assert.True(TableRows(Section(html, "aging")).Count(r => !Regex.IsMatch(r, @"<td class=""money"">0</td>")) > 2, "the open cases are all of one age");
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
