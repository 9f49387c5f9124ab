using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Appeals.Web.Audit;

/// <summary>Writes one table (header row + rows) as an .xlsx workbook with one sheet; numbers stay numbers.</summary>
public static class XlsxTable
{
    public static byte[] Write(string sheetName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(header.Cast<object?>().ToList()));
            foreach (var row in rows) data.Append(Row(row));
            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName }));
            workbook.Workbook.Save();
        }
        return stream.ToArray();
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
