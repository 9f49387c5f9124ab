using System.Globalization;
using Appeals.Analytics.Charts;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using TableColumn = Appeals.Analytics.Charts.TableColumn;

namespace Appeals.Analytics.Exports;

/// <summary>
/// The one XLSX writer: a table (header row, then rows) as a workbook of one sheet, for the dashboard's chart tables and
/// the audit timeline alike. Numbers stay numbers (a number value is a number cell, shown with its column's format:
/// dollars, a count, a percentage), other values are inline text, a missing value is an empty cell, the header is bold.
/// The sheet is written element by element (OpenXmlWriter), so a long export keeps no row once it is written.
/// Valid per OpenXmlValidator.
/// </summary>
public static class XlsxSheet
{
    // Style indexes into the stylesheet below.
    private const uint General = 0, Header = 1, Count = 2, Money = 3, Percent = 4;

    /// <summary>Writes the rows as they arrive; <paramref name="output"/> must be seekable (a workbook is a zip).</summary>
    public static async Task WriteAsync(Stream output, string title, IReadOnlyList<TableColumn> columns,
        IAsyncEnumerable<IReadOnlyList<object?>> rows, CancellationToken ct)
    {
        using var sheet = new SheetWriter(output, title, columns);
        await foreach (var row in rows.WithCancellation(ct)) sheet.Row(row);
    }

    public static void Write(Stream output, string title, IReadOnlyList<TableColumn> columns, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var sheet = new SheetWriter(output, title, columns);
        foreach (var row in rows) sheet.Row(row);
    }

    public static byte[] ToBytes(string title, IReadOnlyList<TableColumn> columns, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var buffer = new MemoryStream();
        Write(buffer, title, columns, rows);
        return buffer.ToArray();
    }

    /// <summary>Sheet names: at most 31 characters, none of : \ / ? * [ ].</summary>
    public static string SheetName(string title)
    {
        var clean = new string([.. title.Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']'))]).Trim();
        return clean.Length == 0 ? "Data" : clean[..Math.Min(31, clean.Length)];
    }

    private sealed class SheetWriter : IDisposable
    {
        private readonly SpreadsheetDocument _document;
        private readonly WorkbookPart _workbook;
        private readonly WorksheetPart _sheetPart;
        private readonly OpenXmlWriter _writer;
        private readonly string _name;
        private readonly uint[] _styles;

        public SheetWriter(Stream output, string title, IReadOnlyList<TableColumn> columns)
        {
            _name = SheetName(title);
            _styles = [.. columns.Select(c => StyleOf(c.Format))];
            _document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
            _workbook = _document.AddWorkbookPart();
            _workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            _sheetPart = _workbook.AddNewPart<WorksheetPart>();
            _writer = OpenXmlWriter.Create(_sheetPart);
            _writer.WriteStartElement(new Worksheet());
            _writer.WriteElement(new Columns(new Column { Min = 1, Max = (uint)Math.Max(1, columns.Count), Width = 22, CustomWidth = true }));
            _writer.WriteStartElement(new SheetData());
            _writer.WriteElement(new Row([.. columns.Select(c => Text(c.Name, Header))]));
        }

        public void Row(IReadOnlyList<object?> values) =>
            _writer.WriteElement(new Row([.. values.Select((v, i) => CellOf(v, i < _styles.Length ? _styles[i] : General))]));

        public void Dispose()
        {
            _writer.WriteEndElement(); // SheetData
            _writer.WriteEndElement(); // Worksheet
            _writer.Dispose();
            _workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = _workbook.GetIdOfPart(_sheetPart), SheetId = 1, Name = _name }));
            _workbook.Workbook.Save();
            _document.Dispose();
        }
    }

    private static uint StyleOf(ColumnFormat format) => format switch
    {
        ColumnFormat.Text => General,
        ColumnFormat.Count => Count,
        ColumnFormat.Money => Money,
        ColumnFormat.Percent => Percent,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    private static Cell CellOf(object? value, uint numberStyle) => value switch
    {
        null => new Cell(),
        decimal or double or float or int or long or short or byte => new Cell(new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!))
        {
            DataType = CellValues.Number,
            StyleIndex = numberStyle == General ? null : numberStyle,
        },
        _ => Text(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "", General),
    };

    private static Cell Text(string text, uint style) => new(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }))
    {
        DataType = CellValues.InlineString,
        StyleIndex = style == General ? null : style,
    };

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
