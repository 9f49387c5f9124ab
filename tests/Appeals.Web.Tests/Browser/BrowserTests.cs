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

        // A case whose route writes to the payer no letter says so; the letter is then made on one that does.
        if (await page.Locator("#no-letter").CountAsync() == 1)
        {
            Assert.Contains("sends the payer no letter", await page.InnerTextAsync("#no-letter"));
            Assert.Equal(0, await page.Locator("#generate-letter").CountAsync());
            await page.GotoAsync($"/Cases/{await app.CaseOnALetterRouteAsync()}");
            await page.WaitForSelectorAsync("#case-score");
        }

        // Generate its letter, preview and download it, sign it off, then move the workflow on.
        // The form asks only for what the case's template needs.
        foreach (var field in await page.Locator("#generate-letter [data-letter-field]").AllAsync())
            await field.FillAsync(await field.GetAttributeAsync("id") == "Argument" ? "The service met the payer's policy; records enclosed." : "synthetic " + await field.GetAttributeAsync("id"));
        await page.ClickAsync("#generate-letter button[type=submit]");
        await page.WaitForSelectorAsync("#case-message, #letter-problem");
        Assert.True(await page.Locator("#case-message").CountAsync() == 1, await page.Locator("#letter-problem").AllInnerTextsAsync() is var p ? string.Join(" ", p) : "");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("a.letter-download").First.ClickAsync());
        var letter = Path.Combine(app.Folder, download.SuggestedFilename);
        await download.SaveAsAsync(letter);
        using (var docx = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(letter, false))
            Assert.Contains("records enclosed", docx.MainDocumentPart!.Document!.Body!.InnerText);
        await page.ClickAsync("#letter-versions button:has-text('Sign off')");
        await page.WaitForSelectorAsync("#case-message");
        await BrowserAppFactory.ScreenshotAsync(page, "case-with-letter");

        var before = await page.Locator("#workflow").InnerTextAsync();
        await page.Locator("#moves button").First.ClickAsync();
        await page.WaitForSelectorAsync("#case-message, #case-problem");
        Assert.Contains("Moved:", await page.InnerTextAsync("#case-message"));
        Assert.NotEqual(before, await page.Locator("#workflow").InnerTextAsync());
        await BrowserAppFactory.ScreenshotAsync(page, "case-moved");
    }

    [Fact]
    public async Task Specialist_AddsANoteAndAnAttachment_AndSeesThemInTheTimeline()
    {
        RequireChromium();
        var page = await app.SignInAsync("specialist");
        await page.GotoAsync("/Queue");
        await page.ClickAsync("#next-page");
        await page.ClickAsync("#previous-page");
        await BrowserAppFactory.ScreenshotAsync(page, "queue-back-to-first");
        await page.Locator("#queue a.case-link").Nth(1).ClickAsync();
        await page.WaitForSelectorAsync("#notes");

        await page.FillAsync("#note-text", "Called the payer: they need the operative report.\nResubmit by Friday.");
        await page.ClickAsync("#add-note button[type=submit]");
        await page.WaitForSelectorAsync("#files-message");
        var pdf = Path.Combine(app.Folder, "operative-report.pdf");
        await File.WriteAllTextAsync(pdf, "%PDF-1.4\n% synthetic\ntrailer << >>\n%%EOF\n", TestContext.Current.CancellationToken);
        await page.SetInputFilesAsync("#attachment-file", pdf);
        await page.ClickAsync("#add-attachment button[type=submit]");
        await page.WaitForSelectorAsync("#attachment-list");
        await BrowserAppFactory.ScreenshotAsync(page, "case-notes-attachments");

        Assert.Contains("Attached: operative-report.pdf.", await page.InnerTextAsync("#files-message"));
        Assert.Contains("Resubmit by Friday.", await page.InnerTextAsync("#timeline"));
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("a.attachment-download").First.ClickAsync());
        Assert.Equal("operative-report.pdf", download.SuggestedFilename);
    }

    [Fact]
    public async Task Specialist_Uploads835Files_AndTheJobPageShowsTheResult()
    {
        RequireChromium();
        var page = await app.SignInAsync("specialist");
        var (_, files) = Appeals.Core.Demo.DemoFileWriter.GenerateInto(Path.Combine(app.Folder, "browser-835"), new Appeals.Core.Demo.DemoOptions(Seed: 5, Claims: 30));
        await page.GotoAsync("/Imports");

        await page.SetInputFilesAsync("#files", files.Take(2).ToArray());
        await page.ClickAsync("#upload-form button[type=submit]");
        await page.WaitForSelectorAsync("#import-result", new() { Timeout = 120_000 });
        await BrowserAppFactory.ScreenshotAsync(page, "import-result");
        await page.GotoAsync("/Imports");
        await BrowserAppFactory.ScreenshotAsync(page, "imports-after-upload");

        Assert.Contains("done", await page.InnerTextAsync("#recent-uploads"));
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
                     ("manager", new[] { "/Queue", "/Imports", "/Remittances", "/Cases", "/Dashboard" }),
                     ("admin", new[] { "/Admin", "/Admin/Rules", "/Admin/Rules/1/Edit", "/Admin/Templates", "/Admin/Model", "/hangfire" }),
                 })
        {
            var page = await app.SignInAsync(role);
            foreach (var path in paths)
            {
                var response = await page.GotoAsync(path);
                Assert.True(response!.Ok, $"{role} {path}: {response.Status}");
                await BrowserAppFactory.ScreenshotAsync(page, $"{role}-{path.Trim('/').Replace('/', '-').ToLowerInvariant()}");
            }
        }
        var login = await (await app.Browser!.NewContextAsync(new() { BaseURL = app.BaseAddress })).NewPageAsync();
        await login.GotoAsync("/Account/Login");
        await BrowserAppFactory.ScreenshotAsync(login, "login");
    }
}
