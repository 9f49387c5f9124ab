using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Appeals.Web.Audit;

/// <summary>Writes one table (header row + rows) as an .xlsx workbook with one sheet; numbers stay numbers.</summary>
public static class XlsxTable
{
    /// <summary>
    /// The workbook written to <paramref name="output"/> as the rows arrive: the sheet is written element by element
    /// (OpenXmlWriter), so no row is kept once it is written.
    /// </summary>
    public static async Task WriteAsync(Stream output, string sheetName, IReadOnlyList<string> header, IAsyncEnumerable<IReadOnlyList<object?>> rows,
        CancellationToken ct)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(sheetPart))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            writer.WriteElement(Row(header.Cast<object?>().ToList()));
            await foreach (var row in rows.WithCancellation(ct)) writer.WriteElement(Row(row));
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName }));
        workbook.Workbook.Save();
    }

    private static Row Row(IReadOnlyList<object?> values)
    {
        var row = new Row();
        foreach (var value in values)
            row.Append(value switch
            {
                decimal or int or long or double => new Cell
                {
                    DataType = CellValues.Number,
                    CellValue = new CellValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!),
                },
                _ => new Cell
                {
                    DataType = CellValues.InlineString,
                    InlineString = new InlineString(new Text(value?.ToString() ?? "") { Space = SpaceProcessingModeValues.Preserve }),
                },
            });
        return row;
    }
}
