using Appeals.Core.Deadlines;
using Appeals.Core.Remittances;
using Appeals.Workflows.Deadlines;
using Appeals.Workflows.Tests.Support;

namespace Appeals.Workflows.Tests.Deadlines;

public sealed class AppealDeadlineCalculatorTests
{
    private static AppealDeadline Level(string payerType, int level, DateOnly notice)
    {
        var payer = new Payer { Id = 1, Identifier = "P", Name = "P", PayerType = payerType };
        var result = AppealDeadlineCalculator.Compute(new RuleLookup.Found(AppealRuleBook.Merge(payer, []).Single(r => r.Level == level)), notice, "the remittance");
        return Assert.IsType<DeadlineResult.Computed>(result).Deadline;
    }

    [Fact]
    public void MedicareRedetermination_Is120DaysFromPresumedReceipt()
    {
        // Notice 2026-03-02 (Mon); receipt presumed 2026-03-07; + 120 days = 2026-07-05 (a Sunday).
        var d = Level(PayerTypes.Medicare, 1, new DateOnly(2026, 3, 2));

        Assert.Equal(new DateOnly(2026, 3, 7), d.ClockStart);
        Assert.Equal(new DateOnly(2026, 7, 5), d.DueDate);
        Assert.Equal(new DateOnly(2026, 7, 3), d.FileBy);
        Assert.Contains("42 CFR 405.942", d.Basis);
        Assert.Contains("5 days presumed receipt", d.Basis);
    }

    [Fact]
    public void MedicareAdvantageReconsideration_Is65DaysFromTheNoticeWithNoPresumedReceipt()
    {
        var d = Level(PayerTypes.MedicareAdvantage, 1, new DateOnly(2026, 3, 2));

        Assert.Equal(new DateOnly(2026, 3, 2), d.ClockStart);
        Assert.Equal(new DateOnly(2026, 5, 6), d.DueDate);
        Assert.Contains("422.582", d.Basis);
    }

    [Fact]
    public void CommercialInternalAppeal_Is180Days()
    {
        var d = Level(PayerTypes.Commercial, 1, new DateOnly(2026, 3, 2));

        Assert.Equal(new DateOnly(2026, 8, 29), d.DueDate);
        Assert.Equal(DayOfWeek.Saturday, d.DueDate.DayOfWeek);
        Assert.Equal(new DateOnly(2026, 8, 28), d.FileBy);
    }

    [Fact]
    public void CommercialExternalReview_CountsFourCalendarMonths()
    {
        var d = Level(PayerTypes.Commercial, 2, new DateOnly(2026, 3, 2));

        Assert.Equal(new DateOnly(2026, 7, 2), d.DueDate);
    }

    [Theory]
    [InlineData(2028, 5, 19)] // leap year: 29 February is one of the 120 days
    [InlineData(2027, 5, 20)]
    public void MedicareRedetermination_CountsTheLeapDay(int year, int month, int day)
    {
        var d = Level(PayerTypes.Medicare, 1, new DateOnly(year, 1, 15));

        Assert.Equal(new DateOnly(year, month, day), d.DueDate);
    }

    [Theory]
    [InlineData(2026, 7, 4, 2026, 7, 3)]  // Saturday → Friday
    [InlineData(2026, 7, 5, 2026, 7, 3)]  // Sunday → Friday
    [InlineData(2026, 7, 6, 2026, 7, 6)]  // Monday stays
    public void FileBy_IsTheLastBusinessDayOnOrBeforeTheDueDate(int y, int m, int d, int ey, int em, int ed) =>
        Assert.Equal(new DateOnly(ey, em, ed), AppealDeadlineCalculator.LastBusinessDayOnOrBefore(new DateOnly(y, m, d)));

    [Fact]
    public void MedicareAdvantageLevel2_IsForwardedByThePlanWithNoDeadline()
    {
        var payer = new Payer { Id = 1, Identifier = "P", Name = "P", PayerType = PayerTypes.MedicareAdvantage };
        var rule = AppealRuleBook.Merge(payer, []).Single(r => r.Level == 2);

        Assert.IsType<DeadlineResult.ForwardedByPayer>(AppealDeadlineCalculator.Compute(new RuleLookup.Found(rule), new DateOnly(2026, 3, 2), "x"));
    }

    [Fact]
    public void MedicaidLevel1_TakesTheShorterOfTheTwoShippedRows()
    {
        var payer = new Payer { Id = 1, Identifier = "P", Name = "P", PayerType = PayerTypes.Medicaid };

        Assert.Equal(60, AppealRuleBook.Merge(payer, []).Single(r => r.Level == 1).DeadlineDays);
    }

    [Fact]
    public async Task PayerWithoutARule_IsFlaggedNotDefaulted()
    {
        using var test = new TestDatabase();
        var caseId = await test.AddCaseAsync(payerType: PayerTypes.Other);
        await using var db = test.Open();
        var denial = await db.DenialCases.FindAsync(caseId);

        var result = await new CaseDeadlinePlanner(db, new AppealRuleBook(db)).PlanAsync(denial!);

        var noRule = Assert.IsType<DeadlineResult.NoRule>(result);
        Assert.Contains("other", noRule.Reason);
        Assert.True(denial!.DeadlineRuleMissing);
        Assert.Null(denial.AppealDeadline);
        Assert.StartsWith("FLAGGED", denial.DeadlineBasis);
    }

    [Fact]
    public async Task PayerOverride_ReplacesTheShippedRuleForItsLevel()
    {
        using var test = new TestDatabase();
        var caseId = await test.AddCaseAsync(payerType: PayerTypes.Commercial);
        await using var db = test.Open();
        var denial = (await db.DenialCases.FindAsync(caseId))!;
        db.Set<PayerAppealRule>().Add(new PayerAppealRule
        {
            PayerId = denial.PayerId, Level = 1, Name = "Contract appeal", DeadlineDays = 90,
            ClockStartsFrom = "remittance date", Citation = "Provider agreement s.7.2", ChangedBy = "admin",
        });
        await db.SaveChangesAsync();

        var result = await new CaseDeadlinePlanner(db, new AppealRuleBook(db)).PlanAsync(denial);

        var computed = Assert.IsType<DeadlineResult.Computed>(result);
        Assert.Equal(new DateOnly(2026, 5, 31), computed.Deadline.DueDate);
        Assert.Equal(AppealRule.PayerOverride, computed.Deadline.Rule.Source);
        Assert.Equal(new DateOnly(2026, 5, 29), denial.AppealDeadline);
        Assert.Contains("Provider agreement s.7.2", denial.DeadlineBasis);
    }
}
