using Appeals.ML.History;

namespace Appeals.ML.Scoring;

/// <summary>One case's score: recovery probability, expected recovery (p × denied), who scored it and why.</summary>
public sealed record RecoveryScore(double Probability, decimal ExpectedRecovery, string Source, IReadOnlyList<string> Reasons)
{
    public string Explanation => string.Join("; ", Reasons);
}

/// <summary>Scores cases: a trained model, or the benchmark base rates when there is no model worth trusting.</summary>
public interface IRecoveryScorer
{
    /// <summary>Shown beside every score: "model 20261128..." or "base-rate".</summary>
    string Source { get; }

    /// <summary>One probability in [0, 1] per row, in row order (the fast batch path).</summary>
    double[] Probabilities(IReadOnlyList<HistoryRecord> rows);

    /// <summary>Scores with the reasons that moved each one most, in words.</summary>
    IReadOnlyList<RecoveryScore> Score(IReadOnlyList<HistoryRecord> rows);
}

internal static class Words
{
    /// <summary>"authorization_referral" → "authorization/referral"-style words a specialist reads.</summary>
    public static string Category(string category) => category.Replace("_or_", " or ", StringComparison.Ordinal).Replace('_', ' ');

    public static string PayerType(string payerType) => payerType switch
    {
        "medicare_advantage" => "Medicare Advantage",
        "medicare" => "Medicare",
        "medicaid" => "Medicaid",
        "commercial" => "commercial",
        _ => "other",
    };

    public static decimal Expected(double p, decimal denied) => Math.Round((decimal)p * denied, 2);
}
