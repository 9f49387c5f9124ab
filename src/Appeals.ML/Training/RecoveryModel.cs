using System.IO.Compression;
using System.Text.Json;
using Appeals.Core.Denials;
using Appeals.ML.Features;
using Appeals.ML.History;
using Appeals.ML.Scoring;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Appeals.ML.Training;

/// <summary>
/// A trained recovery model: the ML.NET booster, its Platt calibration, the feature layout, the snapshot of
/// past outcomes its history features read, and the baseline case explanations compare against. One file.
/// </summary>
public sealed class RecoveryModel
{
    private const string BoosterEntry = "booster.zip";
    private const string BundleEntry = "bundle.json";
    private readonly MLContext _ml;
    private readonly ITransformer _booster;

    internal RecoveryModel(MLContext ml, ITransformer booster, FeatureLayout layout, OutcomeStats stats,
        PlattScaling calibration, float[] baseline, ModelMetadata metadata)
    {
        _ml = ml; _booster = booster; Layout = layout; Stats = stats;
        Calibration = calibration; Baseline = baseline; Metadata = metadata;
        Builder = new FeatureBuilder(layout);
        _forest = CompiledForest.TryCompile(booster, out var reason);
        ScoringPath = _forest is null ? $"ML.NET Transform ({reason})" : $"compiled trees ({_forest.Trees} trees)";
    }

    private readonly CompiledForest? _forest;

    /// <summary>How margins are computed: the compiled trees (ADR 0044), or ML.NET's Transform when the booster could not be compiled.</summary>
    public string ScoringPath { get; }

    public FeatureLayout Layout { get; }
    public FeatureBuilder Builder { get; }
    public OutcomeStats Stats { get; }
    public PlattScaling Calibration { get; }
    /// <summary>Per-feature median of the training rows: the "typical case" explanations substitute.</summary>
    public float[] Baseline { get; }
    public ModelMetadata Metadata { get; }
    public string Source => $"model {Metadata.Version}";

    /// <summary>Calibrated recovery probabilities of rows, featurised against the saved outcome snapshot.</summary>
    /// <remarks>The hot path of batch scoring: large batches are cut into pieces that stay in cache, featurised and
    /// transformed on every core (the snapshot is only read, and ML.NET transformers may be shared between threads).</remarks>
    public double[] Predict(IReadOnlyList<HistoryRecord> rows, CarcCatalog catalog)
    {
        if (rows.Count <= PieceRows) return Probabilities(HistoryFeatureStream.Frozen(rows, Builder, catalog, Stats));
        var p = new double[rows.Count];
        var all = rows as HistoryRecord[] ?? [.. rows];
        var pieces = (rows.Count + PieceRows - 1) / PieceRows;
        Parallel.For(0, pieces, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, piece =>
        {
            var start = piece * PieceRows;
            var part = new ArraySegment<HistoryRecord>(all, start, Math.Min(PieceRows, rows.Count - start));
            Probabilities(HistoryFeatureStream.Frozen(part, Builder, catalog, Stats)).CopyTo(p, start);
        });
        return p;
    }

    private const int PieceRows = 8_192;

    public double[] Probabilities(FeatureMatrix features)
    {
        var raw = RawScores(features);
        var p = new double[raw.Length];
        for (var i = 0; i < raw.Length; i++) p[i] = Calibration.Probability(raw[i]);
        return p;
    }

    /// <summary>The booster's uncalibrated margins: the compiled trees when the booster compiled, else ML.NET's Transform.</summary>
    public float[] RawScores(FeatureMatrix features) => _forest?.Margins(features) ?? ReferenceRawScores(features);

    /// <summary>The margins from ML.NET's Transform over an IDataView: the reference the compiled trees are tested against.</summary>
    public float[] ReferenceRawScores(FeatureMatrix features)
    {
        var scored = _booster.Transform(ToDataView(_ml, features, null));
        return scored.GetColumn<float>("Score").ToArray();
    }

    internal static IDataView ToDataView(MLContext ml, FeatureMatrix features, bool[]? labels)
    {
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[nameof(FeatureRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, features.Width);
        return ml.Data.LoadFromEnumerable(Rows(features, labels), schema);
    }

    private static IEnumerable<FeatureRow> Rows(FeatureMatrix features, bool[]? labels)
    {
        for (var i = 0; i < features.Rows; i++)
            yield return new FeatureRow { Label = labels?[i] ?? false, Features = features.Row(i).ToArray() };
    }

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var file = File.Create(path);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        using (var booster = zip.CreateEntry(BoosterEntry, CompressionLevel.NoCompression).Open())
        {
            var schema = ToDataView(_ml, new FeatureMatrix(0, Layout.Count), null).Schema;
            _ml.Model.Save(_booster, schema, booster);
        }
        using var bundle = zip.CreateEntry(BundleEntry, CompressionLevel.SmallestSize).Open();
        JsonSerializer.Serialize(bundle, new Bundle(Layout.Categories, Calibration, Baseline,
            Stats.Entries().OrderBy(e => e.Kind).ThenBy(e => e.A, StringComparer.Ordinal).ThenBy(e => e.B, StringComparer.Ordinal).ToList(),
            Metadata, Layout.Version), ModelJson.Options);
    }

    public static RecoveryModel Load(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var ml = new MLContext(seed: 0);
        ITransformer booster;
        using (var entry = zip.GetEntry(BoosterEntry)?.Open() ?? throw new InvalidDataException($"{path} is not a recovery model"))
        using (var copy = new MemoryStream())
        {
            entry.CopyTo(copy);
            copy.Position = 0;
            booster = ml.Model.Load(copy, out _);
        }
        using var json = zip.GetEntry(BundleEntry)?.Open() ?? throw new InvalidDataException($"{path} is not a recovery model");
        var b = JsonSerializer.Deserialize<Bundle>(json, ModelJson.Options) ?? throw new InvalidDataException($"{path}: empty bundle");
        return new RecoveryModel(ml, booster, new FeatureLayout(b.Categories, b.LayoutVersion), OutcomeStats.FromEntries(b.Stats),
            b.Calibration, b.Baseline, b.Metadata);
    }

    /// <summary><see cref="LayoutVersion"/> is absent (1) in files written before layout versions existed.</summary>
    private sealed record Bundle(IReadOnlyList<string> Categories, PlattScaling Calibration, float[] Baseline,
        IReadOnlyList<StatEntry> Stats, ModelMetadata Metadata, int LayoutVersion = 1);
}

/// <summary>One row of the IDataView the booster reads.</summary>
internal sealed class FeatureRow
{
    public bool Label { get; set; }
    public float[] Features { get; set; } = [];
}

/// <summary>JSON settings shared by the model bundle and the metadata file.</summary>
public static class ModelJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
