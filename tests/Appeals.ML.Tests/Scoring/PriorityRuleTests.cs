using Appeals.ML.Scoring;

namespace Appeals.ML.Tests.Scoring;

public sealed class PriorityRuleTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    [Fact]
    public void Priority_DeadlinePassed_IsZero() => Assert.Equal(0m, PriorityRule.Priority(1000m, Today.AddDays(-1), Today));

    [Fact]
    public void Priority_DeadlineFar_IsTheExpectedRecovery() => Assert.Equal(1000m, PriorityRule.Priority(1000m, Today.AddDays(90), Today));

    [Fact]
    public void Priority_RisesToDoubleOnTheDeadlineDay()
    {
        Assert.Equal(2000m, PriorityRule.Priority(1000m, Today, Today));
        Assert.Equal(1500m, PriorityRule.Priority(1000m, Today.AddDays(15), Today));
    }

    [Fact]
    public void DefaultDeadlines_ComeFromTheAppealLevels()
    {
        var deadlines = DefaultAppealDeadlines.Shipped;
        Assert.Equal(120, deadlines.DaysFor("medicare"));
        Assert.Equal(65, deadlines.DaysFor("medicare_advantage"));
        Assert.Equal(60, deadlines.DaysFor("medicaid"));
        Assert.Equal(180, deadlines.DaysFor("commercial"));
        Assert.Equal(60, deadlines.DaysFor("other"));
    }
}
