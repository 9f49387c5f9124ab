using System.Globalization;
using Appeals.Analytics.Charts;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Appeals.Analytics.Exports;

/// <summary>
/// Writes a chart's table as one XLSX sheet: numbers stay numbers (dollars and percentages with
/// their number formats), text is inline, the header row is bold. Valid per OpenXmlValidator.
/// </summary>
public static class ChartTableXlsx
{
    // Style indexes into the stylesheet below.
    private const uint Header = 1, Count = 2, Money = 3, Percent = 4;

    public static void Write(ChartTable table, Stream output)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        data.Append(new Row([.. table.Columns.Select(c => Text(c.Name, Header))]));
        foreach (var row in table.Rows)
            data.Append(new Row([.. table.Columns.Select((c, i) => CellOf(c.Format, row[i]))]));
        sheetPart.Worksheet = new Worksheet(
            new Columns(new Column { Min = 1, Max = (uint)Math.Max(1, table.Columns.Count), Width = 22, CustomWidth = true }),
            data);
        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = SheetName(table.Title) }));
        workbook.Workbook.Save();
    }

    public static byte[] ToBytes(ChartTable table)
    {
        using var buffer = new MemoryStream();
        Write(table, buffer);
        return buffer.ToArray();
    }

    private static Cell CellOf(ColumnFormat format, object? value) => (format, value) switch
    {
        (_, null) => new Cell(),
        (ColumnFormat.Text, _) => Text(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "", 0),
        (ColumnFormat.Count, _) => Number(Convert.ToDecimal(value, CultureInfo.InvariantCulture), Count),
        (ColumnFormat.Money, _) => Number(Convert.ToDecimal(value, CultureInfo.InvariantCulture), Money),
        (ColumnFormat.Percent, _) => Number(Convert.ToDecimal(value, CultureInfo.InvariantCulture), Percent),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    private static Cell Text(string text, uint style) => new(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }))
    {
        DataType = CellValues.InlineString,
        StyleIndex = style == 0 ? null : style,
    };

    private static Cell Number(decimal value, uint style) => new(new CellValue(value)) { DataType = CellValues.Number, StyleIndex = style };

    // Sheet names: at most 31 characters, none of : \ / ? * [ ].
    private static string SheetName(string title)
    {
        var clean = new string([.. title.Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']'))]).Trim();
        return clean.Length == 0 ? "Data" : clean[..Math.Min(31, clean.Length)];
    }

    private static Stylesheet Styles() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "\"$\"#,##0.00" })
        { Count = 1 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 3, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 10, ApplyNumberFormat = true })
        { Count = 5 });
}
