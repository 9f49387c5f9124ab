using Appeals.Web.Tests.Hosting;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Appeals.Web.Tests.Browser;

/// <summary>What people do, in a real browser. Skipped (with the reason) when chromium is not installed.</summary>
[Collection(WebCollection.Name)]
public sealed class BrowserTests(BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    private static void RequireChromium() =>
        Assert.SkipUnless(File.Exists(BrowserAppFactory.Chromium), $"{BrowserAppFactory.Chromium} is absent: apt-get install -y chromium (.ci/run does)");

    [Fact]
    public async Task Specialist_OpensTheTopCaseOfTheQueue_AndClaimsIt()
    {
        RequireChromium();
        var page = await app.SignInAsync("specialist");
        await page.GotoAsync("/Queue");
        await BrowserAppFactory.ScreenshotAsync(page, "queue");

        var top = page.Locator("#queue tbody tr").First;
        await top.Locator("button:has-text('Claim')").ClickAsync();
        await page.WaitForSelectorAsync("#queue-message");
        Assert.Contains("is yours", await page.InnerTextAsync("#queue-message"));
        await page.Locator("#queue a.case-link").First.ClickAsync();
        await page.WaitForSelectorAsync("#case-score");
        await BrowserAppFactory.ScreenshotAsync(page, "case");

        Assert.Contains("Assigned to: specialist", await page.InnerTextAsync("#case-score"));
        Assert.Contains("Service lines", await page.ContentAsync());
    }

    [Fact]
    public async Task Auditor_ExportsATimeline_AsAWorkbookWithTheCases()
    {
        RequireChromium();
        var page = await app.SignInAsync("auditor");
        await page.GotoAsync("/Audit");
        await BrowserAppFactory.ScreenshotAsync(page, "audit");
        await page.FillAsync("#Reason", "browser test review");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-xlsx"));
        var path = Path.Combine(app.Folder, download.SuggestedFilename);
        await download.SaveAsAsync(path);

        using var document = SpreadsheetDocument.Open(path, false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        Assert.Equal("Case", rows[0].Elements<Cell>().First().InnerText);
        Assert.True(rows.Count > 10);
        Assert.EndsWith(".xlsx", download.SuggestedFilename);
    }

    [Fact]
    public async Task EveryPage_WithDemoData_RendersForItsRole()
    {
        RequireChromium();
        foreach (var (role, paths) in new[]
                 {
                     ("manager", new[] { "/Queue", "/Imports", "/Remittances", "/Cases" }),
                     ("admin", new[] { "/Admin" }),
                 })
        {
            var page = await app.SignInAsync(role);
            foreach (var path in paths)
            {
                var response = await page.GotoAsync(path);
                Assert.True(response!.Ok, $"{role} {path}: {response.Status}");
                await BrowserAppFactory.ScreenshotAsync(page, $"{role}-{path.Trim('/').ToLowerInvariant()}");
            }
        }
        var login = await (await app.Browser!.NewContextAsync(new() { BaseURL = app.BaseAddress })).NewPageAsync();
        await login.GotoAsync("/Account/Login");
        await BrowserAppFactory.ScreenshotAsync(login, "login");
    }
}
