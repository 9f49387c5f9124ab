using Appeals.Core.Deadlines;
using Appeals.Core.Remittances;
using Appeals.Workflows.Deadlines;

namespace Appeals.Workflows.Tests.Deadlines;

public sealed class PayerRuleOverridesTests
{
    private static PayerRuleInput Valid() => new()
    {
        Level = 1, Name = "First-level appeal", DeadlineDays = 90, ClockStartsFrom = "date of the remittance advice", Citation = "Provider agreement §7.2",
    };

    [Fact]
    public void Validate_ACompleteOverride_HasNoErrors() => Assert.Empty(PayerRuleOverrides.Validate(Valid()));

    [Theory]
    [InlineData(0, null, "more than 0 days or more than 0 months")]
    [InlineData(null, 0, "more than 0 days or more than 0 months")]
    [InlineData(30, 2, "not both")]
    [InlineData(-5, null, "more than 0 days")]
    public void Validate_ALimitThatIsNotOnePositiveNumber_IsRefused(int? days, int? months, string expected)
    {
        var input = Valid();
        (input.DeadlineDays, input.DeadlineMonths) = (days, months);

        Assert.Contains(PayerRuleOverrides.Validate(input), e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_MissingNameBasisAndCitation_AndABadLevel_AreEachNamed()
    {
        var input = Valid();
        (input.Name, input.ClockStartsFrom, input.Citation, input.Level) = ("", " ", null, 12);

        var errors = PayerRuleOverrides.Validate(input);

        Assert.Equal(4, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("Level must be", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Give the level a name", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Say what starts the clock", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Give the citation", StringComparison.Ordinal));
    }

    [Fact]
    public void AnOverrideInMonths_ReplacesTheShippedLevel_AndCountsCalendarMonths()
    {
        var payer = new Payer { Id = 7, Identifier = "P7", Name = "Synthetic", PayerType = PayerTypes.Commercial };
        var rule = new PayerAppealRule
        {
            PayerId = 7, Level = 1, Name = "Internal appeal", DeadlineMonths = 6, ClockStartsFrom = "notice", Citation = "Contract §2", ChangedBy = "admin",
        };

        var level1 = AppealRuleBook.Merge(payer, [rule]).Single(r => r.Level == 1);
        var deadline = AppealDeadlineCalculator.Compute(level1, new DateOnly(2027, 8, 31), "the remittance");

        Assert.Equal(AppealRule.PayerOverride, level1.Source);
        Assert.False(level1.ForwardedByPayer);
        Assert.Equal(new DateOnly(2028, 2, 29), deadline.DueDate); // Aug 31 + 6 months: end of February in a leap year
        Assert.Equal("6 months", PayerRuleOverrides.Limit(level1));
    }
}
