namespace Appeals.ML.Training;

/// <summary>Trainer settings. Defaults are deliberately conservative (small trees, many cases per leaf) so that they
/// hold on histories other than the one they were tried on: the joint group effects do the additive work (ADR 0046).</summary>
public sealed record TrainingOptions
{
    public int Seed { get; init; } = 42;
    /// <summary>Share of the newest rows kept out for the reported metrics.</summary>
    public double HoldoutShare { get; init; } = 0.2;
    /// <summary>Share of the newest remaining rows used to fit the calibration, not the trees.</summary>
    public double CalibrationShare { get; init; } = 0.15;
    public int Iterations { get; init; } = 500;
    public int Leaves { get; init; } = 8;
    public double LearningRate { get; init; } = 0.05;
    public int MinimumCasesPerLeaf { get; init; } = 100;
    public double FeatureFraction { get; init; } = 0.8;
    public double L2 { get; init; } = 1.0;
    /// <summary>LightGbm threads; null uses every core.</summary>
    public int? Threads { get; init; }
    /// <summary>Days after its remit date before a history row's outcome counts in history features, for rows with no
    /// resolution date (ADR 0045). 0 keeps the optimistic "known the next day".</summary>
    public int OutcomeLagDays { get; init; }
    /// <summary>The deployed outcome snapshot holds outcomes known before this date; null: every outcome given
    /// (production: what is in the file is known). Evaluation sets it to the holdout's first day.</summary>
    public DateOnly? SnapshotKnownBefore { get; init; }
    /// <summary>At least this many labelled rows are needed; below it the base-rate scorer is the honest choice.</summary>
    public int MinimumRows { get; init; } = 200;
}
