using Appeals.Core.Imports;
using Appeals.Core.Remittances;
using Appeals.Core.Remittances.X12;

namespace Appeals.Core.Tests.Remittances.X12;

/// <summary>Every file of the shared corpus against the facts in its EXPECTED.tsv row.</summary>
public class Remittance835ReaderConformanceTests
{
    public static TheoryData<string> CorpusFiles() => ConformanceCorpus.Files();

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Read_CorpusFile_MatchesExpectedFacts(string file)
    {
        Assert.SkipWhen(file == ConformanceCorpus.NoCorpus, ConformanceCorpus.MissingReason);
        var expected = ConformanceCorpus.ReadExpected().Single(e => e.File == file);
        var outcome = CorpusRead.Run(Path.Combine(ConformanceCorpus.Folder!, file));

        if (ConformanceCorpus.IsNegative(file))
            Assert.True(outcome.AllIssues.Any(IsLocated), $"{file} must be refused or warned with a located issue; got: {outcome.Describe()}");
        else
        {
            Assert.Null(outcome.Refusal);
            Assert.All(outcome.Transactions, t => Assert.True(t.Accepted, string.Join("; ", t.Errors)));
        }

        Assert.Equal(expected.Int("n_ST"), outcome.Transactions.Count);
        if (outcome.Refusal is not null || outcome.Transactions.Any(t => !t.Accepted)) return;

        var remittances = outcome.Transactions.Select(t => t.Remittance!).ToList();
        var claims = remittances.SelectMany(r => r.Claims).ToList();
        var counts = outcome.Counts;
        Assert.Equal(expected.Int("n_CLP"), claims.Count);
        Assert.Equal(expected.Decimal("sum_CLP04"), claims.Sum(c => c.PaymentAmount));
        Assert.Equal(expected.StatusCounts.OrderBy(p => p.Key),
            claims.GroupBy(c => c.StatusCode).Select(g => KeyValuePair.Create(g.Key, g.Count())).OrderBy(p => p.Key));
        Assert.Equal(expected.Int("cas_claim_level"), counts.ClaimAdjustmentSegments);
        Assert.Equal(expected.Int("cas_service_level"), counts.LineAdjustmentSegments);
        Assert.Equal(counts.ClaimAdjustmentSegments > 0, claims.Any(c => c.Adjustments.Any(a => a.Level == AdjustmentLevel.Claim)));
        Assert.All(claims.SelectMany(c => c.ServiceLines.SelectMany(c.AdjustmentsOf)),
            a => Assert.Equal(AdjustmentLevel.Line, a.Level));
        Assert.Equal(expected.Int("n_PLB"), counts.ProviderAdjustmentSegments);
        Assert.Equal(expected.Int("plb_adjustments"), remittances.Sum(r => r.ProviderAdjustments.Count));
        Assert.Equal(expected.Int("n_MIA"), counts.MiaSegments);
        Assert.Equal(expected.Int("n_MOA"), counts.MoaSegments);
        Assert.Equal(expected.Int("n_LQ"), counts.LqSegments);
        Assert.Equal(expected.Int("n_LQ"), claims.Sum(c => c.RemarkCodes.Count(m => m.Source == "LQ")));
        Assert.Equal(expected.Flag("negative_amounts"), HasNegativeAmount(remittances));
        Assert.Equal(expected.Flag("has_ISA"), remittances.All(r => r.InterchangeControlNumber.Length > 0));
        Assert.Equal(expected.Text("se_count_problems").Length > 0,
            outcome.Transactions.Any(t => t.Warnings.Any(w => w.SegmentId == "SE")));
        Assert.Equal(expected.Text("envelope_problems").Length > 0,
            outcome.EnvelopeWarnings.Any(w => w.SegmentId is "GE" or "IEA"));
        Assert.All(remittances, r => Assert.Matches("^[0-9a-f]{64}$", r.ContentHash));
    }

    private static bool IsLocated(ImportIssue issue) => issue.Segment > 0 && issue.Offset >= 0 && issue.SegmentId.Length > 0;

    private static bool HasNegativeAmount(IEnumerable<Remittance> remittances) =>
        remittances.Any(r => r.PaymentAmount < 0
            || r.ProviderAdjustments.Any(p => p.Amount < 0)
            || r.Claims.Any(c => c.ChargeAmount < 0 || c.PaymentAmount < 0 || c.PatientResponsibilityAmount < 0
                || c.Adjustments.Any(a => a.Amount < 0 || a.Quantity < 0)
                || c.ServiceLines.Any(l => l.ChargeAmount < 0 || l.PaidAmount < 0 || l.Units < 0 || l.AllowedAmount < 0)));
}
