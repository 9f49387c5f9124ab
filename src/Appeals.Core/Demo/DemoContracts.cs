using Appeals.Core.Contracts;

namespace Appeals.Core.Demo;

/// <summary>
/// Synthetic fee schedules for the demo payers (no real fee schedule is shipped): each procedure's rate is its list charge ×
/// the payer's allowed ratio × <see cref="RateFactor"/>. The demo prices a line at the ratio ±10%, so lines allowed below
/// 93% of it are short-paid: about one claim in twenty reaches the default thresholds and opens an underpayment case.
/// </summary>
public static class DemoContracts
{
    public const decimal RateFactor = 0.93m;
    public const string FileName = "contracts.csv";

    /// <summary>One open-ended rate per payer, procedure code and modifier, in force from the first date of service.</summary>
    public static IReadOnlyList<ContractRow> For(DemoOptions options)
    {
        var rows = new List<ContractRow>();
        foreach (var payer in DemoCatalog.Payers)
            foreach (var procedure in DemoCatalog.Procedures.DistinctBy(p => (p.Code, p.Modifiers)))
                rows.Add(new ContractRow(rows.Count + 2, payer.Identifier, procedure.Code, procedure.Modifiers,
                    Math.Round(procedure.Charge * payer.AllowedRatio * RateFactor, 2), options.FirstServiceDate, null));
        return rows;
    }

    /// <summary>Writes <see cref="For"/> as <see cref="FileName"/> in <paramref name="directory"/>; returns its path.</summary>
    public static string Write(string directory, DemoOptions options)
    {
        var path = Path.Combine(directory, FileName);
        ContractCsv.Write(path, For(options));
        return path;
    }
}
