using System.Globalization;
using Appeals.Core.Denials;
using Appeals.ML.Features;
using Appeals.ML.History;

namespace Appeals.ML.Scoring;

/// <summary>Puts a feature group of one case in a specialist's words, with the history figures the model read.</summary>
internal static class ReasonWords
{
    public static string Describe(FeatureGroup group, HistoryRecord row, float[] f, FeatureLayout layout, CarcCatalog catalog, double global)
    {
        var category = Words.Category(catalog.CategoryOf(row.Carc));
        double Rate(string name) => f[layout.IndexOf(name + "_rate")];
        int Cases(string name) => (int)Math.Round(Math.Exp(f[layout.IndexOf(name + "_log_cases")]) - 1);
        // With no past cases of its own the rate is the smoothed prior of broader groups: say so rather than "(0 past cases)".
        string Vs(string name) => Cases(name) is var n && n > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{Rate(name):P0} ({n} past cases) vs {global:P0} overall")
            : string.Create(CultureInfo.InvariantCulture, $"{Rate(name):P0} (estimated from similar denials: no past cases of its own) vs {global:P0} overall");
        return group switch
        {
            FeatureGroup.PayerHistory => $"payer {row.PayerId} recovers {Vs("payer_category")} for {category} denials",
            FeatureGroup.PayerTypeAndCategory => $"{category} denials from {Words.PayerType(row.PayerType)} payers are recovered {Vs("payer_type_category")}",
            FeatureGroup.Carc => catalog.TryGet(row.Carc, out _)
                ? $"{row.GroupCode}-{row.Carc} denials are recovered {Vs("carc")}"
                : $"CARC {row.Carc} is not in the CARC map (unknown category); its own record: {Vs("carc")}",
            FeatureGroup.Provider => $"provider {row.ProviderId} recovers {Vs("provider_category")} for {category} denials",
            FeatureGroup.Procedure => row.ProcedureCode.Length == 0
                ? $"claim-level denials (no procedure code) recover {Vs("family_category")} for {category} denials"
                : $"{ProcedureFamily.Of(row.ProcedureCode).Replace('_', ' ')} procedures ({row.ProcedureCode}) recover {Vs("family_category")} for {category} denials",
            FeatureGroup.Remarks => row.Rarcs.Count == 0
                ? "no remark codes (RARC) on the denial"
                : string.Create(CultureInfo.InvariantCulture, $"remark {string.Join('+', row.Rarcs)}: denials with it are recovered {f[layout.IndexOf("rarc_rate_mean")]:P0} vs {global:P0} overall"),
            FeatureGroup.Amount => string.Create(CultureInfo.InvariantCulture, $"denied amount ${row.DeniedAmount:N0} of ${row.BilledAmount:N0} billed"),
            FeatureGroup.Timing => $"remitted {row.RemitDate.DayNumber - row.ServiceDate.DayNumber} days after the date of service",
            FeatureGroup.PlaceOfService => $"place of service {(row.PlaceOfService.Length > 0 ? row.PlaceOfService : "not given")}",
            FeatureGroup.GroupCode => $"group code {row.GroupCode}",
            _ => throw new ArgumentOutOfRangeException(nameof(group), group, "every feature group needs words"),
        };
    }
}
