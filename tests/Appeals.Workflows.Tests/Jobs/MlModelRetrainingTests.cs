using Appeals.Core.Denials;
using Appeals.ML.Training;
using Appeals.Workflows.Jobs;
using Appeals.Workflows.Tests.Support;
using Microsoft.Extensions.Options;

namespace Appeals.Workflows.Tests.Jobs;

public sealed class MlModelRetrainingTests : IDisposable
{
    private readonly TestDatabase _test = new();

    public void Dispose() => _test.Dispose();

    [Fact]
    public async Task LastTrainedAt_ReadsTheMetadataBesideTheModel_WithoutOpeningTheZip()
    {
        var shippedJson = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "models"), "recovery-*.json").Order(StringComparer.Ordinal).Last();
        var models = Directory.CreateDirectory(Path.Combine(_test.Folder, "models")).FullName;
        // Not a zip at all: loading it would throw, so a date back means only the .json was read.
        await File.WriteAllTextAsync(Path.Combine(models, "recovery-20300101000000.zip"), "not a model", TestContext.Current.CancellationToken);
        File.Copy(shippedJson, Path.Combine(models, "recovery-20300101000000.json"));
        await using var db = _test.Open();
        var retraining = new MlModelRetraining(db, CarcCatalog.Shipped, Options.Create(new ModelsOptions { Path = models }), TimeProvider.System);

        var trainedAt = await retraining.LastTrainedAtAsync(TestContext.Current.CancellationToken);

        Assert.Equal(ModelMetadataFile.TryRead(Path.ChangeExtension(shippedJson, ".zip"))!.TrainedAt, trainedAt);
    }
}
