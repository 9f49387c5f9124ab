using System.Globalization;
using Appeals.Analytics.Charts;
using Appeals.Analytics.Exports;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace Appeals.Analytics.Tests.Exports;

public sealed class ChartTableExportTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public ChartTableExportTests() => Ledger.Fill(_database);

    public void Dispose() => _database.Dispose();

    public static TheoryData<ChartKind> Kinds => [.. Enum.GetValues<ChartKind>()];

    private async Task<ChartTable> TableAsync(ChartKind kind)
    {
        await using var db = _database.Open();
        var chart = await new ChartQueries(db, new FixedTime(Ledger.Today)).LoadAsync(kind, AnalyticsFilter.None, TestContext.Current.CancellationToken);
        return chart.ToTable();
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Xlsx_EveryChartTable_PassesOpenXmlValidation(ChartKind kind)
    {
        var table = await TableAsync(kind);

        using var stream = new MemoryStream(ChartTableXlsx.ToBytes(table));
        using var document = SpreadsheetDocument.Open(stream, false);
        var errors = new OpenXmlValidator().Validate(document, TestContext.Current.CancellationToken).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

        Assert.Empty(errors);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().Count();
        Assert.Equal(table.Rows.Count + 1, rows);
    }

    [Fact]
    public async Task Xlsx_Money_IsStoredAsANumber()
    {
        var table = await TableAsync(ChartKind.Pareto);

        using var stream = new MemoryStream(ChartTableXlsx.ToBytes(table));
        using var document = SpreadsheetDocument.Open(stream, false);
        var secondRow = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ElementAt(1);
        var denied = secondRow.Elements<Cell>().ElementAt(2);

        Assert.Equal(CellValues.Number, denied.DataType!.Value);
        Assert.Equal("500", denied.CellValue!.Text);
    }

    [Fact]
    public async Task Csv_Pareto_ReadsBackWithHeaderAndInvariantNumbers()
    {
        var table = await TableAsync(ChartKind.Pareto);

        using var reader = new CsvReader(new StreamReader(new MemoryStream(ChartTableCsv.ToBytes(table))), CultureInfo.InvariantCulture);
        var records = reader.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();

        Assert.Equal(["Category", "Cases", "Denied", "Share", "Cumulative share"], records[0].Keys);
        Assert.Equal(3, records.Count);
        Assert.Equal("Coding bundling modifier", records[2]["Category"]);
        Assert.Equal("250.50", records[2]["Denied"]);
        Assert.Equal(1.0, double.Parse((string)records[2]["Cumulative share"], CultureInfo.InvariantCulture), 10);
    }
}
