using Appeals.ML.Evaluation;

namespace Appeals.ML.Training;

/// <summary>What the .json beside a model says: how it was trained and how well it did on the newest 20 %.</summary>
public sealed record ModelMetadata
{
    public required string Version { get; init; }
    public required DateTimeOffset TrainedAt { get; init; }
    public required string Trainer { get; init; }
    public required int Seed { get; init; }
    public required string HistoryFile { get; init; }
    public required DateOnly TrainingFrom { get; init; }
    public required DateOnly TrainingTo { get; init; }
    public required DateOnly HoldoutFrom { get; init; }
    public required DateOnly HoldoutTo { get; init; }
    public required int RowsTotal { get; init; }
    public required int RowsFit { get; init; }
    public required int RowsCalibration { get; init; }
    public required int RowsHoldout { get; init; }
    public required ClassifierMetrics Holdout { get; init; }
    /// <summary>The per-CARC base-rate scorer on the same holdout: what the model must beat.</summary>
    public required ClassifierMetrics HoldoutBaseRate { get; init; }
    public required PlattScaling Calibration { get; init; }
    public required IReadOnlyList<string> Features { get; init; }
    public required IReadOnlyDictionary<string, string> Packages { get; init; }
    public required IReadOnlyDictionary<string, double> Hyperparameters { get; init; }
}
