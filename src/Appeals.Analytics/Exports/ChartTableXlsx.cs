using Appeals.Analytics.Charts;

namespace Appeals.Analytics.Exports;

/// <summary>A chart's table as one XLSX sheet named after the chart (<see cref="XlsxSheet"/> writes it).</summary>
public static class ChartTableXlsx
{
    public static byte[] ToBytes(ChartTable table) => XlsxSheet.ToBytes(table.Title, table.Columns, table.Rows);
}
