using Appeals.Core.Contracts;
using Appeals.Core.Remittances;

namespace Appeals.Core.Tests.Contracts;

/// <summary>The variance arithmetic of issue 16 on hand-computed fixtures.</summary>
public sealed class LineVarianceTests
{
    private static readonly DateOnly March1 = new(2026, 3, 1);

    private static PayerContract Rate(string code, decimal amount, DateOnly from, DateOnly? to = null, string modifier = "") => new()
    {
        PayerIdentifier = "SYNPAYER1", ProcedureCode = code, Modifier = modifier, AllowedAmount = amount, EffectiveFrom = from, EffectiveTo = to,
    };

    private static ContractSchedule Schedule => new([
        Rate("99213", 100.00m, new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 28)),
        Rate("99213", 110.00m, new DateOnly(2026, 3, 1)),
        Rate("97110", 40.00m, new DateOnly(2026, 1, 1)),
        Rate("97110", 36.00m, new DateOnly(2026, 1, 1), modifier: "GP"),
    ]);

    private static PaidLine Line(string code, decimal charge, decimal? allowed = null, decimal contractual = 0, DateOnly? date = null,
        string modifiers = "", decimal units = 1, bool deniedInFull = false) =>
        new(1, 1, code, modifiers, charge, allowed ?? charge - contractual, units, allowed, contractual, deniedInFull, date ?? new DateOnly(2026, 2, 10));

    /// <summary>SYNPAYER2 pays 110 % of a base schedule for every code, but 99213 at its own fixed rate.</summary>
    private static ContractSchedule PercentageSchedule => new(
        [
            new PayerContract { PayerIdentifier = "SYNPAYER2", ProcedureCode = PayerContract.AnyCode, BaseSchedule = "BASE", PercentOfBase = 110m, EffectiveFrom = new DateOnly(2026, 1, 1) },
            new PayerContract { PayerIdentifier = "SYNPAYER2", ProcedureCode = "99213", AllowedAmount = 120m, EffectiveFrom = new DateOnly(2026, 1, 1) },
        ],
        new Dictionary<string, ContractSchedule>
        {
            ["BASE"] = new([
                Rate("97110", 40.00m, new DateOnly(2026, 1, 1)),
                Rate("97110", 33.33m, new DateOnly(2026, 1, 1), modifier: "GP"),
            ]),
        });

    [Fact]
    public void Variance_PercentageOfABaseSchedule_IsTheBaseRateForTheCodeTimesThePercent_AFixedRateOfTheCodeWins()
    {
        var therapy = LineVariance.Of(Line("97110", 95m, allowed: 40m, units: 2), PercentageSchedule);
        var modifier = LineVariance.Of(Line("97110", 95m, allowed: 30m, modifiers: "GP"), PercentageSchedule);
        var own = LineVariance.Of(Line("99213", 150m, allowed: 100m), PercentageSchedule);
        var notInBase = LineVariance.Of(Line("80053", 50m, allowed: 10m), PercentageSchedule);

        Assert.Equal((88.00m, 48.00m), (therapy.ContractedAllowed, therapy.Shortfall)); // 40.00 x 110 % = 44.00 a unit, 2 units
        Assert.Equal(40.00m, therapy.BaseRate!.AllowedAmount);
        Assert.Equal("every code at 110% of BASE (base rate $40.00) per unit, effective 2026-01-01", therapy.Clause);
        Assert.Equal(36.66m, modifier.ContractedAllowed); // 33.33 x 1.1 = 36.663, a cent-rounded unit price
        Assert.Equal((120m, 20m, (PayerContract?)null), (own.ContractedAllowed, own.Shortfall, own.BaseRate));
        Assert.Null(notInBase.Rate);
        Assert.Equal("the base schedule BASE has no rate for 80053 in force on 2026-02-10", notInBase.Why);
    }

    [Fact]
    public void Variance_AllowedFromAmtB6_IsContractedLessB6()
    {
        var v = LineVariance.Of(Line("99213", 150.00m, allowed: 92.50m, contractual: 10m), Schedule);

        Assert.True(v.AllowedFromAmtB6);
        Assert.Equal(100.00m, v.ContractedAllowed);
        Assert.Equal(92.50m, v.ActualAllowed); // AMT*B6 wins over charge less CO: 150 - 10 would be 140
        Assert.Equal(7.50m, v.Shortfall);
    }

    [Fact]
    public void Variance_WithoutAmtB6_IsContractedLessChargeLessContractualAdjustments()
    {
        var v = LineVariance.Of(Line("99213", 150.00m, contractual: 55.25m), Schedule);

        Assert.False(v.AllowedFromAmtB6);
        Assert.Equal(94.75m, v.ActualAllowed); // 150.00 - 55.25
        Assert.Equal(5.25m, v.Shortfall);
    }

    [Fact]
    public void Variance_ModifierWithItsOwnRate_UsesIt_OtherModifiersTheGenericRate()
    {
        var own = LineVariance.Of(Line("97110", 95m, allowed: 30m, modifiers: "GP"), Schedule);
        var other = LineVariance.Of(Line("97110", 95m, allowed: 30m, modifiers: "59"), Schedule);
        var second = LineVariance.Of(Line("97110", 95m, allowed: 30m, modifiers: "59:GP"), Schedule);

        Assert.Equal(36m, own.ContractedAllowed);
        Assert.Equal(6m, own.Shortfall);
        Assert.Equal(40m, other.ContractedAllowed);
        Assert.Equal(10m, other.Shortfall);
        Assert.Equal(36m, second.ContractedAllowed);
    }

    [Fact]
    public void Variance_OnTheEdgeOfTwoPeriods_TakesTheRateInForceThatDay()
    {
        var lastDayOfFirst = LineVariance.Of(Line("99213", 150m, allowed: 100m, date: new DateOnly(2026, 2, 28)), Schedule);
        var firstDayOfSecond = LineVariance.Of(Line("99213", 150m, allowed: 100m, date: March1), Schedule);

        Assert.Equal(0m, lastDayOfFirst.Shortfall);
        Assert.Equal(110m, firstDayOfSecond.ContractedAllowed);
        Assert.Equal(10m, firstDayOfSecond.Shortfall);
    }

    [Fact]
    public void Variance_RatePerUnit_TimesTheUnits()
    {
        var v = LineVariance.Of(Line("97110", 190m, allowed: 70m, units: 2), Schedule);

        Assert.Equal(80m, v.ContractedAllowed);
        Assert.Equal(10m, v.Shortfall);
    }

    [Fact]
    public void Variance_PayerWithoutContract_HasNoneAndSaysWhy()
    {
        var v = LineVariance.Of(Line("99213", 150m, allowed: 10m), schedule: null);

        Assert.Null(v.Rate);
        Assert.Equal(0m, v.Shortfall);
        Assert.Equal("the payer has no contract loaded", v.Why);
    }

    [Fact]
    public void Variance_CodeWithoutRate_OrDateBeforeEveryPeriod_OrDeniedInFull_HasNoneAndSaysWhy()
    {
        Assert.Equal("the contract has no rate for 80053", LineVariance.Of(Line("80053", 88m, allowed: 1m), Schedule).Why);
        Assert.Equal("no rate for 99213 in force on 2025-12-31", LineVariance.Of(Line("99213", 150m, allowed: 1m, date: new DateOnly(2025, 12, 31)), Schedule).Why);
        Assert.StartsWith("the line was denied in full", LineVariance.Of(Line("99213", 150m, allowed: 0m, deniedInFull: true), Schedule).Why);
    }

    [Fact]
    public void Claim_ShortfallsAddUp_AndOpenACaseOnlyAtBothThresholds()
    {
        // 99213: 100 contracted, 96 allowed (short 4); 97110 GP: 36 contracted, 34.50 allowed (short 1.50). Total 5.50 of 136 = 4.0%.
        var claim = new ClaimVariance(1, [
            LineVariance.Of(Line("99213", 150m, allowed: 96m), Schedule),
            LineVariance.Of(Line("97110", 95m, allowed: 34.50m, modifiers: "GP"), Schedule),
        ]);

        Assert.Equal(5.50m, claim.Shortfall);
        Assert.Equal(136m, claim.ContractedAllowed);
        Assert.True(claim.IsUnderpaid(UnderpaymentThreshold.Default));
        Assert.False(claim.IsUnderpaid(new UnderpaymentThreshold(6m, 2m)));   // under the dollars
        Assert.False(claim.IsUnderpaid(new UnderpaymentThreshold(5m, 4.1m))); // under the percent
        Assert.Equal("99213", claim.Largest.Line.ProcedureCode);
    }

    [Fact]
    public void Claim_OverpaidLine_OffsetsAShortOne()
    {
        var claim = new ClaimVariance(1, [
            LineVariance.Of(Line("99213", 150m, allowed: 90m), Schedule),   // short 10
            LineVariance.Of(Line("97110", 95m, allowed: 46m), Schedule),    // over 6
        ]);

        Assert.Equal(4m, claim.Shortfall);
        Assert.False(claim.IsUnderpaid(UnderpaymentThreshold.Default));
    }

    [Fact]
    public void PaidLine_FromAClaim_TakesCoNonDenialsAsContractualAndMarksFullDenials()
    {
        var claim = new ClaimPayment { Id = 7, PatientControlNumber = "ACCT-1", ServiceDateFrom = March1 };
        var paid = new ServiceLine { LineNumber = 1, ProcedureCode = "99213", ChargeAmount = 150m, PaidAmount = 80m };
        var denied = new ServiceLine { LineNumber = 2, ProcedureCode = "97110", ChargeAmount = 95m, PaidAmount = 0m };
        claim.ServiceLines.AddRange([paid, denied]);
        claim.Adjustments.AddRange([
            new Adjustment { GroupCode = "CO", Carc = "45", Amount = 50m, ServiceLine = paid },
            new Adjustment { GroupCode = "PR", Carc = "2", Amount = 20m, ServiceLine = paid },
            new Adjustment { GroupCode = "CO", Carc = "50", Amount = 95m, ServiceLine = denied, IsDenial = true },
        ]);

        var lines = PaidLine.Of(claim).ToList();

        Assert.Equal(50m, lines[0].ContractualReduction);
        Assert.Equal(100m, LineVariance.ActualAllowedOf(lines[0])); // 150 - CO-45; the patient's coinsurance is part of the allowed amount
        Assert.Equal(March1, lines[0].ServiceDate);
        Assert.False(lines[0].DeniedInFull);
        Assert.True(lines[1].DeniedInFull);
        Assert.Equal(0m, lines[1].ContractualReduction);
    }
}
