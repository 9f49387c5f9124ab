using Appeals.Core.Denials;
using Appeals.ML.Training;

namespace Appeals.ML.Scoring;

/// <summary>
/// Finds the model to score with: the newest <c>recovery-*.zip</c> in the configured folder (<c>Models:Path</c>,
/// default <c>models/</c>), else the one shipped beside the application; with none, or one trained on fewer
/// outcomes than <see cref="MinimumOutcomes"/>, the benchmark base rates (cold start).
/// </summary>
public sealed class ModelStore(string directory, int minimumOutcomes = ModelStore.DefaultMinimumOutcomes, string? shippedDirectory = null)
{
    public const string DefaultDirectory = "models";
    public const int DefaultMinimumOutcomes = 1000;
    public const string FilePattern = "recovery-*.zip";

    public string Directory { get; } = directory;
    public int MinimumOutcomes { get; } = minimumOutcomes;

    /// <summary>The newest model file, or null. Versions are UTC timestamps, so the name orders them.</summary>
    public string? Newest()
    {
        foreach (var folder in new[] { Directory, shippedDirectory ?? Path.Combine(AppContext.BaseDirectory, DefaultDirectory) })
        {
            if (!System.IO.Directory.Exists(folder)) continue;
            var newest = System.IO.Directory.EnumerateFiles(folder, FilePattern).Order(StringComparer.Ordinal).LastOrDefault();
            if (newest is not null) return newest;
        }
        return null;
    }

    /// <summary>The scorer for <paramref name="modelPath"/> (used as given), else for the newest model when it learned from
    /// enough outcomes, else the base rates.</summary>
    public IRecoveryScorer OpenScorer(CarcCatalog catalog, string? modelPath = null)
    {
        if (modelPath is not null) return new ModelScorer(RecoveryModel.Load(modelPath), catalog);
        var path = Newest();
        if (path is null) return new BaseRateScorer(catalog, BaseRates.Shipped);
        var model = RecoveryModel.Load(path);
        return model.Metadata.RowsTotal < MinimumOutcomes
            ? new BaseRateScorer(catalog, BaseRates.Shipped)
            : new ModelScorer(model, catalog);
    }
}
