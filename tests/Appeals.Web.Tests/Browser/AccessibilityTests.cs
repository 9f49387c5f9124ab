using Appeals.Web.Tests.Hosting;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Appeals.Web.Tests.Browser;

/// <summary>
/// Every page, as its role sees it with the demo data, against axe-core's WCAG 2.0/2.1 A and AA rules (axe-core comes
/// bundled in Deque.AxeCore.Playwright and is injected into the page by Playwright); and the queue and the letter form
/// worked with the keyboard alone.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class AccessibilityTests(BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    private static void RequireChromium() =>
        Assert.SkipUnless(File.Exists(BrowserAppFactory.Chromium), $"{BrowserAppFactory.Chromium} is absent: apt-get install -y chromium (.ci/run does)");

    [Fact]
    public async Task EveryPage_PassesWcag21AA()
    {
        RequireChromium();
        var caseId = await app.CaseOnALetterRouteAsync();
        var problems = new List<string>();
        foreach (var (role, paths) in new[]
                 {
                     ("specialist", new[] { "/Queue", $"/Cases/{caseId}", "/Cases", "/Imports", "/Remittances" }),
                     ("manager", new[] { "/Dashboard", "/Dashboard/Definitions" }),
                     ("auditor", new[] { "/Audit" }),
                     ("admin", new[] { "/Admin", "/Admin/Rules", "/Admin/Rules/1/Edit", "/Admin/Templates", "/Admin/Model" }),
                 })
        {
            var page = await app.SignInAsync(role);
            foreach (var path in paths)
            {
                await page.GotoAsync(path);
                problems.AddRange(Violations(await page.RunAxe(WcagAa), $"{role} {path}"));
            }
        }
        var login = await (await app.Browser!.NewContextAsync(new() { BaseURL = app.BaseAddress })).NewPageAsync();
        await login.GotoAsync("/Account/Login");
        problems.AddRange(Violations(await login.RunAxe(WcagAa), "/Account/Login"));

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Queue_WithTheKeyboardAlone_ClaimsTheTopCase()
    {
        RequireChromium();
        var page = await app.SignInAsync("specialist");
        await page.GotoAsync("/Queue?Assignee=unassigned");

        await TabToAsync(page, "#queue tbody tr:first-child button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#queue-message");

        Assert.Contains("is yours", await page.InnerTextAsync("#queue-message"));
    }

    [Fact]
    public async Task LetterForm_WithTheKeyboardAlone_GeneratesTheLetter()
    {
        RequireChromium();
        var page = await app.SignInAsync("specialist");
        await page.GotoAsync($"/Cases/{await app.CaseOnALetterRouteAsync()}");
        var fields = await page.Locator("#generate-letter [data-letter-field]").AllAsync();

        await TabToAsync(page, "#generate-letter [data-letter-field]");
        foreach (var _ in fields)
        {
            await page.Keyboard.TypeAsync("Synthetic text typed at the keyboard.");
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Equal("Generate letter", await page.EvaluateAsync<string>("document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#case-message, #letter-problem");

        Assert.Contains("generated", await page.InnerTextAsync("#case-message"));
    }

    [Fact]
    public async Task Queue_ForAManagerAt1366Pixels_ShowsEveryRowsAssignButtonOnScreen()
    {
        RequireChromium();
        var page = await app.SignInAsync("manager", width: 1366, height: 768);
        await page.GotoAsync("/Queue");

        var rights = await page.EvalOnSelectorAllAsync<double[]>("#queue tbody button",
            "buttons => buttons.map(b => b.getBoundingClientRect().right)");
        var scrolls = await page.EvalOnSelectorAsync<bool>(".table-responsive", "d => d.scrollWidth > d.clientWidth");

        Assert.NotEmpty(rights);
        Assert.All(rights, right => Assert.InRange(right, 0, 1366));
        Assert.False(scrolls, "the queue table is wider than the screen");
    }

    /// <summary>Presses Tab from the top of the page until the first element matching <paramref name="selector"/> has the focus.</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var i = 0; i < 300; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement === document.querySelector(s)", selector)) return;
        }
        Assert.Fail($"Tab never reached {selector}");
    }

    private static IEnumerable<string> Violations(AxeResult result, string where) =>
        result.Violations.Select(v => $"{where}: {v.Id} ({v.Impact}) {v.Help}: " +
            string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html.Length > 160 ? n.Html[..160] : n.Html)));
}
