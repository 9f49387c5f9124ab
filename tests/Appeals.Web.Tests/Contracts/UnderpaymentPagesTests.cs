using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Appeals.Core.Audit;
using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Appeals.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Appeals.Web.Tests.Contracts;

/// <summary>Issue 16 on the web: the demo seed loads its contracts first, so its imports opened underpayment cases.</summary>
[Collection(WebCollection.Name)]
public sealed class UnderpaymentPagesTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<T> InDatabase<T>(Func<AppealsDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppealsDbContext>());
    }

    [Fact]
    public async Task UnderpaymentCasePage_ShowsEachLineAgainstTheContractAndTheShortfall()
    {
        var c = await InDatabase(db => db.DenialCases.AsNoTracking().Where(x => x.Kind == CaseKinds.Underpayment).OrderBy(x => x.Id).FirstAsync(Ct));

        var html = await (await app.SignedInClientAsync("specialist")).GetStringAsync($"/Cases/{c.Id}", Ct);

        Assert.Contains(@"<h2 class=""h5 card-title"">Underpayment</h2>", html);
        Assert.Contains($@"id=""case-shortfall"">{Appeals.Core.Formatting.MoneyFormat.Money(c.ShortfallAmount!.Value)} against the contract", html);
        Assert.Contains(@"id=""variance""", html);
        var total = Regex.Match(html, @"<th colspan=""4"">Total shortfall</th><th class=""money"">([^<]+)</th>").Groups[1].Value;
        Assert.Equal(Appeals.Core.Formatting.MoneyFormat.Money(c.ShortfallAmount.Value), total);
    }

    [Fact]
    public async Task CasePage_OfAPayerWithoutContract_SaysWhyThereIsNoVariance()
    {
        var id = await InDatabase(async db =>
        {
            var contracted = await db.PayerContracts.Select(p => p.PayerIdentifier).Distinct().ToListAsync(Ct);
            var payer = await db.Payers.FirstOrDefaultAsync(p => !contracted.Contains(p.Identifier), Ct);
            if (payer is null)
            {
                // Every demo payer has a contract: take one payer's rates away for this test's case.
                var any = await db.DenialCases.Include(x => x.Payer).OrderByDescending(x => x.Id).FirstAsync(Ct);
                payer = any.Payer!;
                await db.PayerContracts.Where(p => p.PayerIdentifier == payer.Identifier).ExecuteDeleteAsync(Ct);
            }
            return await db.DenialCases.Where(x => x.PayerId == payer.Id).Select(x => x.Id).FirstAsync(Ct);
        });

        var html = await (await app.SignedInClientAsync("specialist")).GetStringAsync($"/Cases/{id}", Ct);

        Assert.Matches(@"id=""no-variance"">No variance: .+ has no contract loaded", html);
    }

    [Fact]
    public async Task AdminContracts_Upload_ImportsAuditsAndShowsRefusalsWithLineAndColumn()
    {
        var admin = await app.SignedInClientAsync("admin");
        var page = await admin.GetStringAsync("/Admin/Contracts", Ct);
        Assert.Contains("DEMO-MCR01", page); // the demo's synthetic contracts

        var good = await UploadAsync(admin, page, "payer_id,procedure_code,modifier,allowed_amount,effective_from,effective_to\nWEBTESTPAYER,99213,,77.00,2026-01-01,\n");
        var bad = await UploadAsync(admin, page, "payer_id,procedure_code,modifier,allowed_amount,effective_from,effective_to\nWEBTESTPAYER2,99213,,seven,2026-01-01,\n");

        Assert.Contains("1 rate(s) read, 1 added", good);
        Assert.Contains("WEBTESTPAYER", good);
        Assert.Contains("line 2, column allowed_amount", bad);
        Assert.Equal(0, await InDatabase(db => db.PayerContracts.CountAsync(p => p.PayerIdentifier == "WEBTESTPAYER2", Ct)));
        Assert.True(await InDatabase(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.ContractImport && e.UserName == "admin", Ct)));
    }

    [Fact]
    public async Task PayerScorecard_ShowsEveryDemoPayer_AndItsCsvHasTheSameRows()
    {
        var manager = await app.SignedInClientAsync("manager");

        var html = await manager.GetStringAsync("/Dashboard/Payers", Ct);
        var csv = await manager.GetStringAsync("/Dashboard/Payers/Data.csv", Ct);
        var xlsx = await manager.GetAsync("/Dashboard/Payers/Data.xlsx", Ct);

        var payers = await InDatabase(db => db.Payers.Select(p => p.Name).ToListAsync(Ct));
        Assert.All(payers, p => Assert.Contains(p, html));
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Payer,Payer type,Claims,Denial cases", lines[0]);
        Assert.Equal(payers.Count, lines.Length - 1);
        // Issue 16's by-level and timing figures are in the page and its downloads; every demo payer is paid, with service dates.
        Assert.Contains("Overturn rate by level,Days denial to resolution,Days denial to recovery,Days service to payment", lines[0]);
        Assert.Contains("Days service to payment", html);
        var serviceToPayment = Array.IndexOf(lines[0].Split(','), "Days service to payment");
        Assert.All(lines.Skip(1), l => Assert.Matches(@"^\d+\.\d$", l.Split(',')[serviceToPayment]));
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        var underpaid = await InDatabase(db => db.DenialCases.CountAsync(c => c.Kind == CaseKinds.Underpayment, Ct));
        Assert.True(underpaid > 0);
    }

    [Fact]
    public async Task PayerScorecard_ForOnePayer_ShowsItMonthByMonth_AndTheMonthsAddUpToTheRange()
    {
        var manager = await app.SignedInClientAsync("manager");
        var payer = await InDatabase(db => db.Payers.OrderBy(p => p.Id).Select(p => new { p.Id, p.Name }).FirstAsync(Ct));
        var dates = await InDatabase(async db => (await db.Remittances.Select(r => r.PaymentDate ?? r.ProductionDate).ToListAsync(Ct))
            .Concat(await db.DenialCases.Select(c => (DateOnly?)c.DenialDate).ToListAsync(Ct)).OfType<DateOnly>().ToList());
        var range = $"from={dates.Min():yyyy-MM-dd}&to={dates.Max():yyyy-MM-dd}&payer={payer.Id}";

        var html = await manager.GetStringAsync($"/Dashboard/Payers?{range}", Ct);
        var whole = Rows(await manager.GetStringAsync($"/Dashboard/Payers/Data.csv?{range}", Ct));
        var months = Rows(await manager.GetStringAsync($"/Dashboard/Payers/Months.csv?{range}", Ct));

        Assert.Contains("id=\"scorecard-months\"", html);
        Assert.Contains(WebUtility.HtmlEncode(payer.Name) + " month by month", html);
        Assert.DoesNotContain("id=\"months-hint\"", html);
        Assert.Equal(["Month", "Payer", "Claims", "Denial cases"], months[0][..4]);
        var row = Assert.Single(whole.Skip(1));
        Assert.True(months.Count > 2, "the demo's claims span more than one month");
        Assert.All(months.Skip(1), m => Assert.Equal(payer.Name, m[1]));
        Assert.Equal(months.Skip(1).Select(m => m[0]).Distinct().Order(StringComparer.Ordinal), months.Skip(1).Select(m => m[0]));
        // Counts and amounts of the months add up to the range's row (rates and averages are each month's own).
        foreach (var column in new[] { "Claims", "Denial cases", "Denied", "Underpayment cases", "Take-backs" })
        {
            var (w, m) = (Array.IndexOf(whole[0], column), Array.IndexOf(months[0], column));
            Assert.Equal(decimal.Parse(row[w], CultureInfo.InvariantCulture), months.Skip(1).Sum(r => decimal.Parse(r[m], CultureInfo.InvariantCulture)));
        }

        var all = await manager.GetStringAsync("/Dashboard/Payers", Ct);
        Assert.Contains("id=\"months-hint\"", all);
        Assert.DoesNotContain("id=\"scorecard-months\"", all);
    }

    /// <summary>A CSV's rows as cells (RFC 4180 quotes honoured: a payer's name may hold a comma).</summary>
    private static List<string[]> Rows(string csv) =>
    [
        .. csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => Regex
            .Split(line.TrimEnd('\r'), ",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)").Select(c => c.Trim('"').Replace("\"\"", "\"")).ToArray()),
    ];

    private static async Task<string> UploadAsync(HttpClient client, string page, string csv)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(DemoAppFactory.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "rates.csv" },
        };
        var response = await client.PostAsync("/Admin/Contracts", form, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }
}
