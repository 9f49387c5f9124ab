using Appeals.Core.Denials;
using Appeals.ML.Scoring;

namespace Appeals.ML.Tests.Scoring;

public sealed class ShippedModelTests
{
    [Fact]
    public void ShippedModel_IsFoundWithoutConfiguration_AndScoresWithTheCurrentFeatures()
    {
        var store = new ModelStore(TestHistory.TempFolder());
        var path = store.Newest();
        Assert.NotNull(path);
        var scorer = Assert.IsType<ModelScorer>(store.OpenScorer(CarcCatalog.Shipped));
        Assert.Equal(scorer.Model.Layout.Names, scorer.Model.Metadata.Features);
        Assert.StartsWith("compiled trees", scorer.Model.ScoringPath);
        var score = Assert.Single(scorer.Score([TestHistory.Row(recovered: null)]));
        Assert.InRange(score.Probability, 0, 1);
        Assert.StartsWith("model ", score.Source);
    }
}
