using System.Globalization;
using Appeals.Core.Reference;

namespace Appeals.Core.Demo;

/// <summary>
/// The published figures the demo data is calibrated from, read from Reference/denial_benchmarks.csv
/// so that the generator and docs/demo-data.md cannot drift apart from the shipped benchmarks.
/// </summary>
/// <param name="DenialRateLow">Lowest initial denial rate among the benchmark rows (fraction of claims).</param>
/// <param name="DenialRateHigh">Highest initial denial rate among the benchmark rows (fraction of claims).</param>
/// <param name="RootCauseShares">Share of denials by root cause (Change Healthcare 2020 roll-up names), summing to 1.</param>
/// <param name="PotentiallyAvoidableShare">Share of denials that are potentially avoidable.</param>
/// <param name="ReworkedShare">Share of denied claims that are ever reworked (1 - share never reworked).</param>
/// <param name="OverturnedShare">Share of reworked denials that end up paid.</param>
public sealed record DemoCalibration(
    double DenialRateLow,
    double DenialRateHigh,
    IReadOnlyList<KeyValuePair<string, double>> RootCauseShares,
    double PotentiallyAvoidableShare,
    double ReworkedShare,
    double OverturnedShare)
{
    private const string RootCausePrefix = "denial_root_cause_share:";

    /// <summary>Reads the shipped benchmark file.</summary>
    public static DemoCalibration FromBenchmarks()
    {
        var rows = ReferenceData.ReadAll<BenchmarkRow>(ReferenceData.DenialBenchmarks);
        var rates = Values(rows, "initial_denial_rate").ToList();
        var causes = rows
            .Where(r => r.Metric.StartsWith(RootCausePrefix, StringComparison.Ordinal))
            .Select(r => (Name: r.Metric[RootCausePrefix.Length..], Value: Parse(r.Value)))
            .Where(r => r.Value is not null)
            .ToList();
        var total = causes.Sum(c => c.Value!.Value);
        return new DemoCalibration(
            rates.Min() / 100,
            rates.Max() / 100,
            causes.Select(c => new KeyValuePair<string, double>(c.Name, c.Value!.Value / total)).ToList(),
            Values(rows, "share_denials_potentially_avoidable").First() / 100,
            // The never-reworked figure is weak (tertiary); the row itself says to read it as 50-65%. We take its value.
            1 - Values(rows, "share_denials_never_reworked").First() / 100,
            // Two sources (54.3% and 70%): the demo uses the higher one, the recovery of reworked denials.
            Values(rows, "share_denials_overturned_eventually").Max() / 100);
    }

    private static IEnumerable<double> Values(IEnumerable<BenchmarkRow> rows, string metric) =>
        rows.Where(r => r.Metric == metric).Select(r => Parse(r.Value)).OfType<double>();

    private static double? Parse(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;

    private sealed class BenchmarkRow
    {
        public string Metric { get; set; } = "";
        public string Value { get; set; } = "";
    }
}
