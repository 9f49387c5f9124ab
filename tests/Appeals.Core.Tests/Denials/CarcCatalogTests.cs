using Appeals.Core.Denials;

namespace Appeals.Core.Tests.Denials;

public class CarcCatalogTests
{
    [Theory]
    [InlineData("197", "authorization_referral", CarcDenial.Yes)]
    [InlineData("45", "contractual_pricing", CarcDenial.No)]
    [InlineData("1", "patient_responsibility", CarcDenial.No)]
    [InlineData("133", "pending_review", CarcDenial.Pending)]
    [InlineData("b7", "provider_enrollment_network", CarcDenial.Yes)]
    public void Shipped_MapsCodesToCategoryAndDenialFlag(string carc, string category, CarcDenial denial)
    {
        Assert.True(CarcCatalog.Shipped.TryGet(carc, out var info));
        Assert.Equal(category, info.Category);
        Assert.Equal(denial, info.Denial);
    }

    [Fact]
    public void Shipped_HoldsEveryRowOfTheReferenceFile()
    {
        Assert.Equal(407, CarcCatalog.Shipped.All.Count);
        Assert.Equal(CarcCatalog.UnknownCategory, CarcCatalog.Shipped.CategoryOf("XYZ"));
    }
}
