using Appeals.Core.Denials;
using Appeals.Core.Remittances;
using static Appeals.Core.Tests.Builders.RemittanceBuilder;

namespace Appeals.Core.Tests.Denials;

public class DenialDetectorTests
{
    private static readonly DenialDetector Detector = new(CarcCatalog.Shipped);
    private static readonly DateTimeOffset Now = new(2026, 2, 1, 12, 0, 0, TimeSpan.Zero);

    private static DenialCase? Detect(ClaimPayment claim, Remittance? remittance = null)
    {
        Detector.ClassifyClaim(claim);
        return Detector.BuildCase(claim, remittance ?? Remittance("T1", claim), payerId: 7, Now);
    }

    [Fact]
    public void LineLevelDenial_WithClaimStatus1_IsFound()
    {
        var claim = Claim("PCN1", status: 1, charge: 300m, paid: 100m)
            .WithLine("99213", 100m, 100m)
            .WithLine("97110", 200m, 0m, ("CO", "197", 200m));

        var denial = Detect(claim);

        Assert.NotNull(denial);
        Assert.Equal(200m, denial.DeniedAmount);
        Assert.Equal("authorization_referral", denial.Category);
        Assert.Equal("CO-197", denial.PrimaryReason);
        Assert.Equal("97110", denial.ProcedureCode);
        Assert.Equal(300m, denial.BilledAmount);
        Assert.True(claim.Adjustments[0].IsDenial);
    }

    [Theory]
    [InlineData("CO", "45")]
    [InlineData("PR", "1")]
    [InlineData("PR", "2")]
    [InlineData("PR", "3")]
    [InlineData("CO", "253")]
    public void ContractualAndPatientResponsibilityAdjustments_AreNotDenials(string group, string carc)
    {
        var claim = Claim("PCN1", paid: 120m).WithLine("99213", 200m, 120m, (group, carc, 80m));

        var denial = Detect(claim);

        Assert.Null(denial);
        Assert.False(claim.Adjustments[0].IsDenial);
        Assert.Equal("", claim.Adjustments[0].Category);
    }

    [Theory]
    [InlineData("OA", "133")] // pending: not final
    [InlineData("CO", "169")] // depends
    [InlineData("CO", "B4")]  // depends
    public void PendingAndDependsCodes_AreNotDenials(string group, string carc)
    {
        var claim = Claim("PCN1").WithLine("99213", 200m, 0m, (group, carc, 200m));

        Assert.Null(Detect(claim));
    }

    [Fact]
    public void PR96_IsADenialShiftedToThePatient()
    {
        var claim = Claim("PCN1").WithLine("99213", 200m, 0m, ("PR", "96", 200m));

        var denial = Detect(claim);

        Assert.NotNull(denial);
        Assert.True(denial.ShiftedToPatient);
        Assert.True(claim.Adjustments[0].IsShiftedToPatient);
        Assert.Equal("non_covered_or_benefit_limit", denial.Category);
    }

    [Fact]
    public void PRWithADenialCodeThatIsNotNonCovered_IsNotADenial()
    {
        var claim = Claim("PCN1").WithLine("99213", 200m, 0m, ("PR", "197", 200m));

        Assert.Null(Detect(claim));
    }

    [Theory]
    [InlineData("PI")]
    [InlineData("OA")]
    [InlineData("CR")]
    public void DenialCodeInGroupPIOAOrCR_IsADenial(string group)
    {
        var claim = Claim("PCN1").WithClaimAdjustment(group, "16", 200m);

        var denial = Detect(claim);

        Assert.NotNull(denial);
        Assert.Equal("missing_invalid_claim_data", denial.Category);
        Assert.Equal("", denial.ProcedureCode);
    }

    [Fact]
    public void Case_TakesTheCategoryOfItsLargestDeniedAmount_AndSumsEveryDenial()
    {
        var claim = Claim("PCN1", charge: 500m)
            .WithLine("99213", 100m, 0m, ("CO", "16", 100m))
            .WithLine("97110", 400m, 0m, ("CO", "45", 50m), ("CO", "50", 350m));

        var denial = Detect(claim);

        Assert.NotNull(denial);
        Assert.Equal(450m, denial.DeniedAmount);
        Assert.Equal("medical_necessity", denial.Category);
        Assert.Equal("CO-50", denial.PrimaryReason);
        Assert.True(denial.Avoidable); // 50 is "partly" avoidable
    }

    [Fact]
    public void DenialDate_IsThePaymentDate_ElseTheProductionDate_ElseToday()
    {
        var claim = Claim("PCN1").WithClaimAdjustment("CO", "16", 50m);
        var remittance = Remittance("T1", claim);

        var paid = Detect(claim, remittance)!.DenialDate;
        remittance.PaymentDate = null;
        var produced = Detect(claim, remittance)!.DenialDate;
        remittance.ProductionDate = null;
        var today = Detect(claim, remittance)!.DenialDate;

        Assert.Equal(new DateOnly(2026, 1, 5), paid);
        Assert.Equal(new DateOnly(2026, 1, 2), produced);
        Assert.Equal(new DateOnly(2026, 2, 1), today);
    }

    [Fact]
    public void Reversal_OpensNoCase()
    {
        var claim = Claim("PCN1", status: 22, charge: -200m).WithLine("99213", -200m, 0m, ("CO", "16", 200m));

        Assert.Null(Detect(claim));
        Assert.False(claim.Adjustments[0].IsDenial);
    }

    [Fact]
    public void UnknownCarc_IsReported_AndNotADenial()
    {
        var claim = Claim("PCN1").WithClaimAdjustment("CO", "ZZ9", 50m);

        var unknown = Detector.ClassifyClaim(claim);

        Assert.Equal(["ZZ9"], unknown);
        Assert.False(claim.Adjustments[0].IsDenial);
    }
}
