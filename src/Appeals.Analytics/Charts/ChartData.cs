using ScottPlot;

namespace Appeals.Analytics.Charts;

/// <summary>
/// One chart's data, already aggregated by the database. It draws itself and gives its table, so
/// the picture and the numbers beside it (and in the exports) always come from the same rows.
/// </summary>
public abstract class ChartData
{
    public abstract ChartKind Kind { get; }
    public abstract string Title { get; }
    public abstract string XLabel { get; }
    public abstract string YLabel { get; }
    public abstract bool IsEmpty { get; }

    /// <summary>What the chart shows when <see cref="IsEmpty"/>.</summary>
    public virtual string EmptyMessage => "No data for this filter";

    public abstract ChartTable ToTable();

    /// <summary>Adds the plottables and axis ticks; the house style and titles are the renderer's.</summary>
    internal abstract void Draw(Plot plot);
}

/// <summary>Turns stored category keys into what a manager reads ("authorization_referral" → "Authorization referral").</summary>
public static class CategoryLabel
{
    public static string Of(string category) =>
        string.IsNullOrEmpty(category) ? "(none)" : char.ToUpperInvariant(category[0]) + category[1..].Replace('_', ' ');

    /// <summary>A short name for chart axes, where the full one would be slanted off the picture; tables keep <see cref="Of"/>.</summary>
    public static string Short(string category) => category switch
    {
        "missing_invalid_claim_data" => "Missing/invalid data",
        "eligibility_registration" => "Eligibility",
        "authorization_referral" => "Authorization",
        "coding_bundling_modifier" => "Coding",
        "non_covered_or_benefit_limit" => "Non-covered",
        "coordination_of_benefits" => "Coord. of benefits",
        "documentation_requested" => "Documentation",
        "duplicate_claim" => "Duplicate",
        "provider_enrollment_network" => "Enrollment/network",
        "patient_responsibility" => "Patient resp.",
        "contractual_pricing" => "Contractual",
        "other_unspecified" => "Other",
        _ => Of(category),
    };
}
