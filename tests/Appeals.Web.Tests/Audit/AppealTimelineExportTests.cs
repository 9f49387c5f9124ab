using System.Globalization;
using Appeals.Core.Denials;
using Appeals.Core.Imports;
using Appeals.Core.Persistence;
using Appeals.Core.Remittances;
using Appeals.Core.Remittances.X12;
using Appeals.Web.Tests.Hosting;
using Appeals.Workflows.Routing;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Appeals.Web.Tests.Audit;

[Collection(WebCollection.Name)]
public sealed class AppealTimelineExportTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Export_Csv_HoldsManualAndAutomaticWorkflowMoves_WithTheEraFileThatMovedTheCase()
    {
        long id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<AppealsDbContext>();
            var candidates = await db.DenialCases.AsNoTracking().Where(c => c.PayerClaimControlNumber != "" && c.WorkflowRoute == "")
                .OrderBy(c => c.Id).Take(50).ToListAsync(Ct);
            var denial = candidates.First(c => !c.Status.IsClosed);
            id = denial.Id;
            // A person's move that only the workflow records (the CLI's `cases advance` writes no audit row either).
            Assert.True((await services.GetRequiredService<CaseWorkflow>().RouteAsync(id, new WorkflowActor("specialist"), ct: Ct)).Succeeded);

            var claim = await db.ClaimPayments.AsNoTracking().Include(c => c.Remittance!).ThenInclude(r => r.Payer).SingleAsync(c => c.Id == denial.ClaimPaymentId, Ct);
            var file = Path.Combine(app.Folder, "later-era.835");
            await using (var writer = new StreamWriter(file))
                new Remittance835Writer(writer).WriteInterchange([LaterPayment(claim, denial)]);
            var summary = await services.GetRequiredService<RemittanceImporter>().ImportAsync([file], new ImportOptions(), null, Ct);
            Assert.Equal(1, summary.Imported);
        }

        var auditor = await app.SignedInClientAsync("auditor");
        var csv = await (await DemoAppFactory.ExportTimelineAsync(auditor, "csv", "timeline check")).Content.ReadAsStringAsync(Ct);

        var rows = ReadCsv(csv).Where(r => r[0] == id.ToString(CultureInfo.InvariantCulture)).ToList();
        Assert.Equal("denied", rows[0][9]);
        Assert.Contains(rows, r => r[9] == "workflow move" && r[10] == "specialist" && r[11].StartsWith("route:", StringComparison.Ordinal));
        var automatic = Assert.Single(rows, r => r[9] == "workflow move" && r[10] == "system:era");
        Assert.Contains("paid:", automatic[11]);
        Assert.Contains("file later-era.835", automatic[11]);
        Assert.Contains("trace LATER-TRACE-1", automatic[11]);
    }

    [Fact]
    public async Task Export_Csv_IsWrittenAsItIsRead_AndHoldsEveryCaseOnce()
    {
        var auditor = await app.SignedInClientAsync("auditor");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Audit/Export")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Format"] = "csv", ["Reason"] = "streaming check", ["__RequestVerificationToken"] = DemoAppFactory.AntiforgeryToken(await auditor.GetStringAsync("/Audit", Ct)),
            }),
        };

        using var response = await auditor.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);

        // Streamed: the length is not known when the headers go out (a whole CSV built in memory had one).
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Content.Headers.ContentLength);
        Assert.True(response.Headers.CacheControl!.NoStore);
        var caseIds = ReadCsv(await response.Content.ReadAsStringAsync(Ct)).Where(r => r[9] == "denied").Select(r => long.Parse(r[0], CultureInfo.InvariantCulture)).ToList();
        await using var scope = app.Services.CreateAsyncScope();
        var expected = await scope.ServiceProvider.GetRequiredService<AppealsDbContext>().DenialCases.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(Ct);
        Assert.Equal(expected, caseIds);
    }

    [Fact]
    public async Task Rows_InSmallBatches_AreTheSameAsInOneBatch()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppealsDbContext>();
        var filter = new Appeals.Web.Audit.TimelineFilter();

        var whole = await new Appeals.Web.Audit.AppealTimeline(db) { BatchSize = 100_000 }.RowsAsync(filter, Ct).ToListAsync(Ct);
        var batched = await new Appeals.Web.Audit.AppealTimeline(db) { BatchSize = 7 }.RowsAsync(filter, Ct).ToListAsync(Ct);

        Assert.True(whole.Count > 7 * 3);
        Assert.Equal(whole.Select(r => string.Join('|', r)), batched.Select(r => string.Join('|', r)));
    }

    [Fact]
    public async Task Export_Xlsx_HoldsAHeaderAndARowPerCsvRow()
    {
        var auditor = await app.SignedInClientAsync("auditor");
        var csvRows = ReadCsv(await (await DemoAppFactory.ExportTimelineAsync(auditor, "csv", "row count")).Content.ReadAsStringAsync(Ct)).Count;

        var xlsx = await (await DemoAppFactory.ExportTimelineAsync(auditor, "xlsx", "row count")).Content.ReadAsByteArrayAsync(Ct);

        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        Assert.Equal(csvRows + 1, sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Count());
        Assert.Equal("Appeal timeline", document.WorkbookPart.Workbook.Descendants<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single().Name!.Value);
    }

    /// <summary>The payer pays the whole denied amount on a later ERA (same CLP07, remitted a month later).</summary>
    private static Remittance LaterPayment(ClaimPayment denied, DenialCase denial) => new()
    {
        ContentHash = "", TransactionControlNumber = "0001", HandlingCode = "I", PaymentMethod = "ACH",
        PaymentAmount = denial.DeniedAmount, PaymentDate = denial.DenialDate.AddDays(30), ProductionDate = denial.DenialDate.AddDays(28),
        TraceNumber = "LATER-TRACE-1",
        Payer = new Payer { Identifier = denied.Remittance!.Payer!.Identifier, Name = denied.Remittance.Payer.Name },
        PayeeName = denied.Remittance.PayeeName, PayeeIdentifier = denied.Remittance.PayeeIdentifier,
        Claims =
        [
            new ClaimPayment
            {
                PatientControlNumber = denied.PatientControlNumber, StatusCode = 1, ChargeAmount = denied.ChargeAmount,
                PaymentAmount = denial.DeniedAmount, ClaimFilingIndicator = denied.ClaimFilingIndicator,
                PayerClaimControlNumber = denied.PayerClaimControlNumber, Patient = denied.Patient,
                ServiceDateFrom = denied.ServiceDateFrom, ServiceDateTo = denied.ServiceDateTo,
            },
        ],
    };

    private static List<string[]> ReadCsv(string text)
    {
        using var csv = new CsvReader(new StringReader(text), CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        csv.Read();
        csv.ReadHeader();
        while (csv.Read()) rows.Add(Enumerable.Range(0, csv.Parser.Count).Select(i => csv.GetField(i) ?? "").ToArray());
        return rows;
    }
}
