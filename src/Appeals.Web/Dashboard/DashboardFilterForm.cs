using Appeals.Analytics;

namespace Appeals.Web.Dashboard;

/// <summary>The dashboard's filters as they come in the query string; the same string is passed to every chart and download.</summary>
public sealed class DashboardFilterForm
{
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public long? Payer { get; set; }
    public string? Provider { get; set; }
    public string? Category { get; set; }

    public AnalyticsFilter ToFilter() =>
        new(From, To, Payer, string.IsNullOrWhiteSpace(Provider) ? null : Provider.Trim(), string.IsNullOrWhiteSpace(Category) ? null : Category);

    /// <summary>Route values for links that must keep the filter (chart images, downloads).</summary>
    public Dictionary<string, string> RouteValues()
    {
        var values = new Dictionary<string, string>();
        if (From is { } from) values["from"] = from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (To is { } to) values["to"] = to.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (Payer is { } payer) values["payer"] = payer.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!string.IsNullOrWhiteSpace(Provider)) values["provider"] = Provider.Trim();
        if (!string.IsNullOrWhiteSpace(Category)) values["category"] = Category;
        return values;
    }
}
