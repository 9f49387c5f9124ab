using Appeals.Analytics.Charts;
using Appeals.Analytics.Exports;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using TableColumn = Appeals.Analytics.Charts.TableColumn;

namespace Appeals.Analytics.Tests.Exports;

/// <summary>The one XLSX writer, read back cell by cell with OpenXml.</summary>
public sealed class XlsxSheetTests
{
    private static readonly TableColumn[] Columns =
    [
        new("Case", ColumnFormat.Text), new("Payer", ColumnFormat.Text), new("Cases", ColumnFormat.Count),
        new("Denied", ColumnFormat.Money), new("Share", ColumnFormat.Percent),
    ];

    private static async IAsyncEnumerable<IReadOnlyList<object?>> RowsAsync(int count)
    {
        for (var i = 1; i <= count; i++)
        {
            await Task.Yield();
            yield return [(long)i, i % 2 == 0 ? "  Beta Care " : "Acme Health", 1000 + i, 1234.5m + i, i == 2 ? null : 0.25];
        }
    }

    private static (SpreadsheetDocument Document, List<List<Cell>> Rows) Open(MemoryStream stream)
    {
        stream.Position = 0;
        var document = SpreadsheetDocument.Open(stream, false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().ToList()).ToList();
        return (document, rows);
    }

    private static string TextOf(Cell cell) => cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.Text!.Text : cell.CellValue?.Text ?? "";

    [Fact]
    public async Task WriteAsync_StreamedRows_ReadBackAsTypedCellsWithTheirColumnsFormats()
    {
        using var stream = new MemoryStream();

        await XlsxSheet.WriteAsync(stream, "Appeal timeline", Columns, RowsAsync(3), TestContext.Current.CancellationToken);

        var (document, rows) = Open(stream);
        using (document)
        {
            Assert.Empty(new OpenXmlValidator().Validate(document, TestContext.Current.CancellationToken).Select(e => $"{e.Path?.XPath}: {e.Description}"));
            Assert.Equal("Appeal timeline", document.WorkbookPart!.Workbook.Descendants<Sheet>().Single().Name!.Value);
            Assert.Equal(4, rows.Count);
            Assert.Equal(["Case", "Payer", "Cases", "Denied", "Share"], rows[0].Select(TextOf));
            Assert.All(rows[0], c => Assert.Equal(CellValues.InlineString, c.DataType!.Value));
            var bold = document.WorkbookPart.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)rows[0][0].StyleIndex!.Value);
            Assert.Equal(1u, bold.FontId!.Value);

            var second = rows[2];
            Assert.Equal(["2", "  Beta Care ", "1002", "1236.5", ""], second.Select(TextOf));
            Assert.Equal(CellValues.Number, second[0].DataType!.Value); // an id stays a number, unstyled
            Assert.Null(second[0].StyleIndex);
            Assert.Equal(CellValues.InlineString, second[1].DataType!.Value);
            Assert.Equal([CellValues.Number, CellValues.Number], second.Skip(2).Take(2).Select(c => c.DataType!.Value));
            var formats = document.WorkbookPart.WorkbookStylesPart.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
            Assert.Equal(3u, formats[(int)second[2].StyleIndex!.Value].NumberFormatId!.Value); // #,##0
            Assert.Equal(164u, formats[(int)second[3].StyleIndex!.Value].NumberFormatId!.Value); // "$"#,##0.00
            Assert.Null(second[4].DataType); // a missing value is an empty cell
            Assert.Equal("0.25", TextOf(rows[1][4]));
            Assert.Equal(10u, formats[(int)rows[1][4].StyleIndex!.Value].NumberFormatId!.Value); // 0.00%
        }
    }

    [Fact]
    public void Write_ATitleExcelRefuses_IsCleanedToASheetName()
    {
        using var stream = new MemoryStream(XlsxSheet.ToBytes("Denials: by payer / category [2026] and a title far too long", Columns, []));

        var (document, rows) = Open(stream);
        using (document)
        {
            Assert.Equal("Denials by payer  category 2026", document.WorkbookPart!.Workbook.Descendants<Sheet>().Single().Name!.Value);
            Assert.Single(rows);
        }
    }

    [Fact]
    public async Task WriteAsync_ManyRows_WritesEveryOne()
    {
        using var stream = new MemoryStream();

        await XlsxSheet.WriteAsync(stream, "Big", Columns, RowsAsync(20_000), TestContext.Current.CancellationToken);

        var (document, rows) = Open(stream);
        using (document)
        {
            Assert.Equal(20_001, rows.Count);
            Assert.Equal("20000", TextOf(rows[^1][0]));
        }
    }
}
