using System.Globalization;
using Appeals.Analytics.Charts;
using Appeals.Core.Exports;

namespace Appeals.Analytics.Exports;

/// <summary>Writes a chart's table as RFC 4180 CSV: invariant numbers, plain dollars and fractions, so spreadsheets and scripts read it back exactly.</summary>
public static class ChartTableCsv
{
    public static void Write(ChartTable table, Stream output)
    {
        using var writer = new StreamWriter(output, new System.Text.UTF8Encoding(false), leaveOpen: true);
        using var csv = new SpreadsheetSafeCsvWriter(writer);
        foreach (var column in table.Columns) csv.WriteField(column.Name);
        csv.NextRecord();
        foreach (var row in table.Rows)
        {
            for (var c = 0; c < table.Columns.Count; c++) csv.WriteField(Raw(table.Columns[c].Format, row[c]));
            csv.NextRecord();
        }
    }

    public static byte[] ToBytes(ChartTable table)
    {
        using var buffer = new MemoryStream();
        Write(table, buffer);
        return buffer.ToArray();
    }

    private static string Raw(ColumnFormat format, object? value) => value switch
    {
        null => "",
        decimal money when format == ColumnFormat.Money => money.ToString("0.00", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
