using System.Text.Json;

namespace Appeals.ML.Training;

/// <summary>
/// Reads the metadata <c>.json</c> that <see cref="Scoring.ModelStore.Publish"/> writes beside each model, so that
/// status pages and schedulers learn a model's date and metrics without loading the whole model zip.
/// </summary>
public static class ModelMetadataFile
{
    /// <summary>The metadata path of a model file: same name, <c>.json</c>.</summary>
    public static string PathOf(string modelPath) => Path.ChangeExtension(modelPath, ".json");

    /// <summary>The model's metadata from the file beside it; null when that file is absent or unreadable.</summary>
    public static ModelMetadata? TryRead(string modelPath)
    {
        var path = PathOf(modelPath);
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<ModelMetadata>(File.ReadAllText(path), ModelJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The model's metadata: from the .json beside it, else (an older model without one) from the zip itself.</summary>
    public static ModelMetadata Read(string modelPath) => TryRead(modelPath) ?? RecoveryModel.Load(modelPath).Metadata;
}
