using Appeals.Core.Contracts;

namespace Appeals.Core.Demo;

/// <summary>
/// Synthetic fee schedules for the demo payers (no real fee schedule is shipped): each procedure's rate is its list charge ×
/// the payer's allowed ratio × <see cref="RateFactor"/>. The demo prices a line at the ratio ±10%, so lines allowed below
/// 93% of it are short-paid: about one claim in twenty reaches the default thresholds and opens an underpayment case.
/// One payer, <see cref="PercentOfBasePayer"/>, shows the other kind of contract (ADR 0107): a percentage of the named base
/// schedule <see cref="BaseSchedule"/> (the Medicare contractor's ratio, loaded under its own name) for every code, set so
/// that its rates come out as its own ratio would give them (to the cent of the percentage's rounding).
/// </summary>
public static class DemoContracts
{
    public const decimal RateFactor = 0.93m;
    public const string FileName = "contracts.csv";

    /// <summary>The synthetic base schedule's name (its rows' <c>payer_id</c>).</summary>
    public const string BaseSchedule = "DEMO-BASE-FEE-SCHEDULE";

    /// <summary>The demo payer whose contract is one row: a percentage of <see cref="BaseSchedule"/> for every code.</summary>
    public const string PercentOfBasePayer = "DEMO-COM03";

    /// <summary>
    /// One open-ended rate per payer, procedure code and modifier, in force from the first date of service; for
    /// <see cref="PercentOfBasePayer"/> one row, code <c>*</c>, at a percentage of <see cref="BaseSchedule"/>'s rows.
    /// </summary>
    public static IReadOnlyList<ContractRow> For(DemoOptions options)
    {
        var rows = new List<ContractRow>();
        var procedures = DemoCatalog.Procedures.DistinctBy(p => (p.Code, p.Modifiers)).ToList();
        var baseRatio = DemoCatalog.Payers.First(p => p.PayerType == Remittances.PayerTypes.Medicare).AllowedRatio;
        foreach (var procedure in procedures)
            rows.Add(new ContractRow(rows.Count + 2, BaseSchedule, procedure.Code, procedure.Modifiers,
                Math.Round(procedure.Charge * baseRatio * RateFactor, 2), options.FirstServiceDate, null));
        foreach (var payer in DemoCatalog.Payers)
        {
            if (payer.Identifier == PercentOfBasePayer)
            {
                rows.Add(new ContractRow(rows.Count + 2, payer.Identifier, PayerContract.AnyCode, "", 0m, options.FirstServiceDate, null,
                    BaseSchedule, Math.Round(payer.AllowedRatio / baseRatio * 100m, 3)));
                continue;
            }
            foreach (var procedure in procedures)
                rows.Add(new ContractRow(rows.Count + 2, payer.Identifier, procedure.Code, procedure.Modifiers,
                    Math.Round(procedure.Charge * payer.AllowedRatio * RateFactor, 2), options.FirstServiceDate, null));
        }
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
