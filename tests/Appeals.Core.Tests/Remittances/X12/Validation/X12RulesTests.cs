using Appeals.Core.Remittances.X12.Validation;

namespace Appeals.Core.Tests.Remittances.X12.Validation;

/// <summary>Each rule of the table against its passing fixture (the valid transaction) and its failing one.</summary>
public class X12RulesTests
{
    public static TheoryData<string> Rules() => new(RuleFixtures.Cases.Select(c => c.Rule));

    [Fact]
    public void Validate_TheValidFixture_HasNoFinding()
    {
        var result = RuleFixtures.Validate(RuleFixtures.Valid);
        Assert.Empty(result.Findings);
        Assert.Equal((1, 0), (result.Transactions, result.RefusedTransactions));
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Validate_FixtureBreakingARule_FindsItWhereItIsWithItsLevelAndSeverity(string ruleId)
    {
        var fixture = RuleFixtures.Cases.Single(c => c.Rule == ruleId);
        var rule = X12Rules.All.Single(r => r.Id == ruleId);
        var result = RuleFixtures.Validate(fixture.Text);

        var finding = Assert.Single(result.Findings, f => f.Rule == ruleId);
        Assert.Equal(((int)rule.Level, rule.Severity == RuleSeverity.Refuse ? "refuse" : "warn"), (finding.Level, finding.Severity));
        Assert.Equal(fixture.Text.IndexOf(fixture.Located, StringComparison.Ordinal), finding.Offset);
        Assert.Equal("rule.835", finding.File);
        Assert.True(finding.Segment >= 1, finding.ToString());
        // Only a refusing rule refuses: a warning rule's fixture still imports.
        Assert.Equal(rule.Severity == RuleSeverity.Refuse, result.Refused);
    }

    [Fact]
    public void Table_EveryRuleHasAFixture_AndIdsAreUnique()
    {
        Assert.Equal(X12Rules.All.Count, X12Rules.All.Select(r => r.Id).Distinct().Count());
        Assert.Equal(X12Rules.All.Select(r => r.Id).Order(), RuleFixtures.Cases.Select(c => c.Rule).Concat(RuleFixtures.CoveredElsewhere).Order());
    }

    [Fact]
    public void Validate_ABalancingFinding_SaysByHowMuch()
    {
        var fixture = RuleFixtures.Cases.Single(c => c.Rule == "3.SVC.BALANCE");
        var finding = Assert.Single(RuleFixtures.Validate(fixture.Text).Findings, f => f.Rule == "3.SVC.BALANCE");
        Assert.Contains("-1.00 unexplained", finding.Message);
    }

    [Theory]
    [InlineData("CAS*CO*27*200~", new string[0])]
    [InlineData("CAS*CO*27*150~", new[] { "3.CLP.BALANCE", "3.SVC.BALANCE" })]
    [InlineData("", new[] { "3.CLP.BALANCE", "3.SVC.BALANCE" })]
    public void Validate_ClaimLevelDenialWithLinesThatCarryNoCas_ChecksTheLinesOnlyWhenTheClaimDoesNotBalance(string claimCas, string[] rules)
    {
        // Payers send a claim-level denial with its lines paying 0 and no CAS of their own: the claim-level CAS explains them.
        var text = RuleFixtures.Valid
            .Replace("BPR*I*170*", "BPR*I*0*", StringComparison.Ordinal)
            .Replace("CLP*PCN1*1*200*170*10*", "CLP*PCN1*4*200*0**", StringComparison.Ordinal)
            .Replace("NM1*QC", claimCas + "NM1*QC", StringComparison.Ordinal)
            .Replace("SVC*HC:99213*200*170~", "SVC*HC:99213*200*0~", StringComparison.Ordinal)
            .Replace("CAS*CO*45*20~CAS*PR*1*10~AMT*B6*180~", "", StringComparison.Ordinal);
        Assert.Equal(rules.Order(), RuleFixtures.Validate(text).Findings.Select(f => f.Rule).Where(r => !r.StartsWith('1')).Order());
    }

    [Fact]
    public void Validate_ARoundingDifferenceBelowACent_IsNoFinding()
    {
        var text = RuleFixtures.Valid.Replace("CAS*PR*1*10~", "CAS*PR*1*10.004~", StringComparison.Ordinal);
        Assert.Empty(RuleFixtures.Validate(text).Findings);
    }

    [Fact]
    public void Validate_AnUnknownCarcTwiceInATransaction_IsReportedOnceAtItsFirstCas()
    {
        var text = RuleFixtures.Valid.Replace("CAS*CO*45*20~CAS*PR*1*10~", "CAS*CO*ZZ9*20~CAS*PR*ZZ9*10~", StringComparison.Ordinal);
        var finding = Assert.Single(RuleFixtures.Validate(text).Findings);
        Assert.Equal(("5.CAS.CARC", "CAS", "CAS02", (long)text.IndexOf("CAS*CO", StringComparison.Ordinal)), (finding.Rule, finding.SegmentId, finding.Element, finding.Offset));
    }

    [Fact]
    public void Validate_LevelFilter_KeepsLevelsOneToN()
    {
        var text = RuleFixtures.Valid.Replace("BPR*I*170*", "BPR*I*171*", StringComparison.Ordinal).Replace("AMT*B6", "AMT*ZZZ", StringComparison.Ordinal);
        var result = RuleFixtures.Validate(text);
        Assert.Equal(["3.BPR.BALANCE", "5.QUALIFIER"], result.Findings.Select(f => f.Rule).Order());
        Assert.Equal(["3.BPR.BALANCE"], result.UpToLevel(3).Findings.Select(f => f.Rule));
        Assert.Empty(result.UpToLevel(2).Findings);
    }
}
