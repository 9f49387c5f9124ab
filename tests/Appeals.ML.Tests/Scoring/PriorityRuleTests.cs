using Appeals.Core.Denials;
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
    public void Explain_NoDeadline_SaysWhatLeftItWithout()
    {
        var flagged = PriorityRule.Explain(400m, 400m, 0.5, 800m, null, Today, DenialCaseStatus.Open,
            "FLAGGED: No appeal rule for payer 3 (type other) at level 1: an admin must enter one.");
        var route = PriorityRule.Explain(400m, 400m, 0.5, 800m, null, Today, DenialCaseStatus.InProgress, "No payer appeal deadline on the corrected_claim route.");

        Assert.Equal("expected recovery $400.00 (50 % of $800.00 denied); no appeal deadline known: no appeal rule for payer 3 (type other) at level 1: " +
            "an admin must enter one, so not raised: it ranks by expected recovery alone", flagged);
        Assert.Contains("no appeal deadline: no payer appeal deadline on the corrected_claim route, so not raised", route);
    }

    [Fact]
    public void Explain_Appealed_DoesNotTalkOfAFilingDeadline()
    {
        var words = PriorityRule.Explain(400m, 400m, 0.5, 800m, Today.AddDays(-3), Today, DenialCaseStatus.Appealed);
        Assert.DoesNotContain("deadline 2026", words);
        Assert.Contains("submitted to the payer", words);
    }
}
