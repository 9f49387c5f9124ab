using System.Globalization;
using Appeals.Core.Formatting;

namespace Appeals.Analytics.Charts;

/// <summary>How a column's values are written: the page, CSV and XLSX all follow it.</summary>
public enum ColumnFormat
{
    Text,
    Count,
    /// <summary>decimal dollars.</summary>
    Money,
    /// <summary>A fraction (0.25 is 25 %); null when undefined, e.g. no outcomes yet.</summary>
    Percent,
}

public sealed record TableColumn(string Name, ColumnFormat Format);

/// <summary>The data behind one chart, as the page shows it beside the chart and the exports write it.</summary>
public sealed record ChartTable(string Title, IReadOnlyList<TableColumn> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    /// <summary>The cell as a person reads it ("$1,234.50", "12.5 %"); empty for a missing value.</summary>
    public string Display(int row, int column) => Columns[column].Format switch
    {
        _ when Rows[row][column] is null => "",
        ColumnFormat.Text => Convert.ToString(Rows[row][column], CultureInfo.InvariantCulture) ?? "",
        ColumnFormat.Count => Convert.ToInt64(Rows[row][column], CultureInfo.InvariantCulture).ToString("N0", CultureInfo.InvariantCulture),
        ColumnFormat.Money => MoneyFormat.Money(Convert.ToDecimal(Rows[row][column], CultureInfo.InvariantCulture)),
        ColumnFormat.Percent => (Convert.ToDouble(Rows[row][column], CultureInfo.InvariantCulture) * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %",
        _ => throw new ArgumentOutOfRangeException(nameof(column)),
    };
}
