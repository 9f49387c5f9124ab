using System.Reflection;
using System.Text;
using Appeals.Core.Denials;
using Appeals.Core.Imports;
using Appeals.Core.Remittances;
using Appeals.Core.Remittances.X12;
using CsCheck;

namespace Appeals.Core.Tests.Remittances.X12;

/// <summary>
/// A dry run's reader counts claims into reused objects and leaves out what it does not report (ADR 0093, 0132). Whatever
/// the file, it must give exactly what mapping every claim in full gives: the same warnings, errors and findings in the
/// same order, the same accepted transactions, segment counts and envelope warnings, and the totals a full read adds up.
/// </summary>
public sealed class Remittance835ReaderCountingTests
{
    private static readonly DenialDetector Detector = new(CarcCatalog.Shipped);

    public static TheoryData<string> CorpusFiles() => ConformanceCorpus.Files();

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Counting_OnTheCorpus_ReportsWhatMappingInFullReports(string file)
    {
        Assert.SkipWhen(file == ConformanceCorpus.NoCorpus, ConformanceCorpus.MissingReason);
        var bytes = File.ReadAllBytes(Path.Combine(ConformanceCorpus.Folder!, file));

        foreach (var partBytes in new int?[] { null, 200 })
            Assert.Equal(Describe(bytes, partBytes, counting: false), Describe(bytes, partBytes, counting: true));
    }

    [Theory]
    [InlineData("plain-5010.835")]
    [InlineData("bad-amount.835")]
    [InlineData("broken-svc.835")]
    [InlineData("cas-six-triplets.835")]
    [InlineData("missing-se.835")]
    [InlineData("reversal.835")]
    [InlineData("wrong-counts.835")]
    [InlineData("multiple-interchanges.835")]
    public void Counting_OnTheReaderFixtures_ReportsWhatMappingInFullReports(string name)
    {
        var bytes = ReaderFixtures.Bytes(name);
        Assert.Equal(Describe(bytes, null, counting: false), Describe(bytes, null, counting: true));
    }

    [Fact]
    public void Counting_ClaimsThatReuseObjectsTheValidatorStillReads_ReportsWhatMappingInFullReports()
    {
        // Degenerate on purpose: a claim with more lines than the one before it (the reused lines run out), lines without
        // dates under claims with and without claim dates (the validator reads the claim and line that just ended when the
        // next CLP comes), bare unbalanced lines under claim-level adjustments, a claim with no lines that does not balance,
        // empty and bad amounts, an LQ without its code, a reversal of a denial, and a CAS and an SVC before any CLP.
        var text = new StringBuilder()
            .Append("ST*835*0001*005010X221A1~BPR*I*999*C*ACH************20260105~TRN*1*T1*1~N1*PR*PAYER~REF*2U*P1~N1*PE*PROV*XX*1~")
            .Append("CLP*A*1*100*80**12*PCN1~DTM*232*20260101~SVC*HC:99213*50*40~CAS*CO*45*10~SVC*HC:99214*50*40~CAS*CO*45*10~")
            .Append("CLP*B*4*300*0**12*PCN2~CAS*CO*50*250~SVC*HC:1*100*0~SVC*HC:2*100*0~DTM*472*20260102~SVC*HC:3*100*0~LQ*HE~")
            .Append("CLP*C*1*100*90**12*PCN3~")
            .Append("CLP*D*22*-50*-50**12*PCN4~CAS*CO*50*-5~SVC*HC:99213**-50~DTM*472*20260230~")
            .Append("SE*24*0001~")
            .Append("ST*835*0002*005010X221A1~BPR*I*5*C*ACH************20260105~TRN*1*T2*1~N1*PR*PAYER~N1*PE*PROV*XX*1~")
            .Append("CLP*F*1*10*5**12*PCN6~SVC*HC:99213*10*5~CAS*PR*1*5~SVC*HC:99214*0*0~")
            .Append("PLB*1*20261231*WO:X*1~SE*11*0002~")
            .Append("ST*835*0003*005010X221A1~BPR*I*5*C*ACH************20260105~TRN*1*T3*1~N1*PR*PAYER~N1*PE*PROV*XX*1~")
            .Append("CAS*CO*45*1~SVC*HC:99213*10*10~CLP*E*1*100*1O0**12*PCN5~SVC*HC:99213*100*100~SVC*:4*1*1~SE*12*0003~")
            .ToString();
        var bytes = Encoding.ASCII.GetBytes(text);

        foreach (var partBytes in new int?[] { null, 64 })
        {
            var full = Describe(bytes, partBytes, counting: false);
            Assert.Equal(full, Describe(bytes, partBytes, counting: true));
            // The cases the reused objects could have broken are there, in transactions that are accepted.
            Assert.Contains("[4.SVC.DATE]", full, StringComparison.Ordinal);
            Assert.Contains("[3.SVC.BALANCE]", full, StringComparison.Ordinal);
            Assert.Equal(["accepted True", "accepted True", "accepted False"], full.Split('\n').Where(l => l.StartsWith("accepted", StringComparison.Ordinal)).Select(l => l[..l.IndexOf(';', StringComparison.Ordinal)]));
        }
    }

    [Fact]
    public void Counting_OnGeneratedAndMutatedFiles_ReportsWhatMappingInFullReports()
    {
        var large = Check.Single(RemittanceGenerator.ARemittance.List[30, 30]);
        var seeds = new[] { "plain-5010.835", "no-envelope.835", "bad-amount.835", "broken-svc.835", "reversal.835" }
            .Select(ReaderFixtures.Bytes).Append(RemittanceGenerator.Write(large, new X12WriteOptions())).ToArray();
        Gen.Select(Gen.Int[0, seeds.Length - 1], Mutations.Many, Gen.OneOf(Gen.Const((int?)null), Gen.Int[50, 4000].Select(n => (int?)n)),
                (i, m, parts) => (i, m, parts))
            .Sample(sample =>
            {
                var bytes = Mutations.Apply(seeds[sample.i], sample.m);
                Assert.Equal(Describe(bytes, sample.parts, counting: false), Describe(bytes, sample.parts, counting: true));
            }, iter: 400, print: s => $"{s.i} parts {s.parts}: {string.Join(", ", s.m)}");
        Gen.Select(RemittanceGenerator.ARemittance.List[1, 4], RemittanceGenerator.Separators, (r, o) => (r, o))
            .Sample(sample =>
            {
                var bytes = RemittanceGenerator.Write(sample.r, sample.o);
                Assert.Equal(Describe(bytes, null, counting: false), Describe(bytes, null, counting: true));
            }, iter: 150);
    }

    [Fact]
    public void CountedClaims_ReusedObjects_AreResetToWhatAFreshObjectHolds()
    {
        var counted = new CountedClaims();
        var claim = counted.NextClaim();
        var line = counted.NextLine(1);
        var adjustment = counted.NextAdjustment("CO", "45");
        Scribble(claim);
        Scribble(line);
        Scribble(adjustment);

        counted.NextClaim(); // the other set
        var again = counted.NextClaim();
        Assert.Same(claim, again);
        Assert.Equal(Properties(new ServiceLine { LineNumber = 1 }), Properties(counted.NextLine(1)));
        Assert.Equal(Properties(new Adjustment { GroupCode = "CO", Carc = "45" }), Properties(counted.NextAdjustment("CO", "45")));
        Assert.Equal(Properties(new ClaimPayment { PatientControlNumber = "" }), Properties(again));
    }

    /// <summary>Sets every settable public property that the builder may set to something other than its default.</summary>
    private static void Scribble(object target)
    {
        foreach (var p in target.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            object? value = p.PropertyType switch
            {
                var t when t == typeof(string) => "x",
                var t when t == typeof(int) => 7,
                var t when t == typeof(long) => 7L,
                var t when t == typeof(long?) => (long?)7,
                var t when t == typeof(bool) => true,
                var t when t == typeof(decimal) => 7m,
                var t when t == typeof(decimal?) => (decimal?)7m,
                var t when t == typeof(DateOnly?) => (DateOnly?)new DateOnly(2026, 1, 1),
                var t when t == typeof(PatientIdentity) => new PatientIdentity("a", "b", "c"),
                var t when t == typeof(ServiceLine) => new ServiceLine(),
                _ => null,
            };
            if (value is not null) p.SetValue(target, value);
        }
    }

    /// <summary>Every public property with a value type or string, by name (lists and navigations are left to the builder).</summary>
    private static string Properties(object target) =>
        string.Join("; ", target.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .Where(p => p.PropertyType.IsValueType || p.PropertyType == typeof(string) || p.PropertyType == typeof(PatientIdentity) || p.PropertyType == typeof(ServiceLine))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={p.GetValue(target)}"));

    /// <summary>All a read reports, as text: per transaction (parts joined) its acceptance, issues, findings and totals.</summary>
    private static string Describe(byte[] bytes, int? partBytes, bool counting)
    {
        var reader = new Remittance835Reader(new MemoryStream(bytes), "f.835")
        {
            PartBytes = partBytes, CountClaimsWith = counting ? Detector : null, HashContent = !counting,
        };
        var text = new StringBuilder();
        var totals = new ClaimTotals();
        try
        {
            foreach (var read in reader.ReadTransactions())
            {
                if (counting) totals = read.Totals ?? throw new InvalidOperationException("A counting read came without totals.");
                else if (read.Remittance is { } remittance)
                    foreach (var claim in remittance.Claims) totals.ClassifyAndAdd(claim, Detector);
                if (counting) Assert.Empty(read.Remittance?.Claims ?? []);
                if (read.Continued) continue;
                text.Append($"accepted {read.Accepted}; payer {read.Remittance?.Payer?.Identifier}; plb {read.Remittance?.ProviderAdjustments.Sum(p => p.Amount)}\n");
                foreach (var w in read.Warnings) text.Append("W ").Append(w).Append('\n');
                foreach (var e in read.Errors) text.Append("E ").Append(e).Append('\n');
                foreach (var f in read.Findings) text.Append("F ").Append(f.Rule.Id).Append(' ').Append(f.Listed).Append('\n');
                // Totals of a refused transaction are not reported by an import; a full read has no claims to add then.
                if (read.Accepted)
                    text.Append($"claims {totals.Claims} lines {totals.ServiceLines} adjustments {totals.Adjustments} cases {totals.DenialCases} " +
                                $"charged {totals.Charged} paid {totals.Paid} denied {totals.Denied}\n");
                totals = new ClaimTotals();
            }
        }
        catch (X12ParseException e)
        {
            text.Append("refused ").Append(e.Issue).Append('\n');
        }
        foreach (var w in reader.EnvelopeWarnings) text.Append("envelope ").Append(w).Append('\n');
        var c = reader.Counts;
        text.Append($"counts {c.Transactions} {c.Claims} {c.ClaimAdjustmentSegments} {c.LineAdjustmentSegments} {c.ServiceLines} " +
                    $"{c.ProviderAdjustmentSegments} {c.MiaSegments} {c.MoaSegments} {c.LqSegments}");
        return text.ToString();
    }
}
