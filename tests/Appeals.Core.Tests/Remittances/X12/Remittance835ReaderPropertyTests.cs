using Appeals.Core.Remittances;
using Appeals.Core.Remittances.X12;
using CsCheck;

namespace Appeals.Core.Tests.Remittances.X12;

/// <summary>Written-then-read remittances keep their totals; mutated files never hang or throw anything but the parse error.</summary>
public class Remittance835ReaderPropertyTests
{
    [Fact]
    public void WriteThenRead_AnyRemittancesAndSeparators_KeepsEveryTotal()
    {
        Gen.Select(RemittanceGenerator.ARemittance.List[1, 4], RemittanceGenerator.Separators, (r, o) => (r, o))
            .Sample(sample =>
            {
                var (written, options) = sample;
                var read = CorpusRead.Run(new MemoryStream(RemittanceGenerator.Write(written, options)), "generated.835");
                Assert.Null(read.Refusal);
                Assert.Empty(read.AllIssues);
                var back = read.Transactions.Select(t => t.Remittance!).ToList();
                Assert.Equal(Totals(written), Totals(back));
                Assert.Equal(written.Select(r => r.Payer!.Identifier), back.Select(r => r.Payer!.Identifier));
                Assert.Equal(back.Count, back.Select(r => r.ContentHash).Distinct().Count());
            }, iter: 300, seed: null);
    }

    [Fact]
    public void Read_InChunksOfAnySize_GivesTheSameResultAsInOnePiece()
    {
        Gen.Select(RemittanceGenerator.ARemittance.List[1, 3], RemittanceGenerator.Separators, Gen.Int[1, 97], (r, o, c) => (r, o, c))
            .Sample(sample =>
            {
                var bytes = RemittanceGenerator.Write(sample.Item1, sample.Item2);
                var whole = CorpusRead.Run(new MemoryStream(bytes), "whole.835");
                var trickled = CorpusRead.Run(new TrickleStream(bytes, sample.Item3), "whole.835");
                Assert.Equal(whole.Transactions.Select(t => t.Remittance!.ContentHash), trickled.Transactions.Select(t => t.Remittance!.ContentHash));
                Assert.Equal(Totals(whole.Transactions.Select(t => t.Remittance!).ToList()), Totals(trickled.Transactions.Select(t => t.Remittance!).ToList()));
            }, iter: 100);
    }

    [Fact]
    public void Read_RandomlyMutatedFiles_GivesAResultOrTheParseErrorAndNeverHangs()
    {
        // A generated file larger than the reader's buffer, read in odd chunks, puts refills at mutated spots too.
        var large = Check.Single(RemittanceGenerator.ARemittance.List[40, 40]);
        var seeds = new[] { "plain-5010.835", "no-envelope.835", "bom-crlf-indented.835", "multiple-interchanges.835", "newline-terminator.835" }
            .Select(ReaderFixtures.Bytes).Append(RemittanceGenerator.Write(large, new X12WriteOptions())).ToArray();
        Gen.Select(Gen.Int[0, seeds.Length - 1], Mutations.Many, Gen.Int[1, 5000], (i, m, chunk) => (i, m, chunk))
            .Sample(sample =>
            {
                var mutated = Mutations.Apply(seeds[sample.i], sample.m);
                var run = Task.Run(() => CorpusRead.Run(new TrickleStream(mutated, sample.chunk), "mutated.835"));
                // A hang detector, not a speed test: a read of a few KB that takes 5 s is stuck.
                Assert.True(run.Wait(TimeSpan.FromSeconds(5)), "The reader did not finish within 5 s on a mutated file.");
                var read = run.Result; // any exception other than X12ParseException surfaces here and fails the test
                Assert.All(read.AllIssues, i => Assert.True(i.Segment >= 0 && i.Offset >= 0 && i.Offset <= mutated.Length));
                Assert.All(read.Transactions, t => Assert.Equal(t.Remittance is null, t.Errors.Count > 0));
            }, iter: 2000, print: m => $"{m.i} in chunks of {m.chunk}: {string.Join(", ", m.m)}");
    }

    private static (int Claims, decimal Charged, decimal Paid, int Lines, string Adjustments, decimal Plb, int Remarks) Totals(IReadOnlyList<Remittance> remittances)
    {
        var claims = remittances.SelectMany(r => r.Claims).ToList();
        var adjustments = claims.SelectMany(c => c.Adjustments)
            .GroupBy(a => (a.GroupCode, a.Level))
            .OrderBy(g => g.Key)
            .Select(g => $"{g.Key.GroupCode}/{g.Key.Level}={g.Sum(a => a.Amount)}x{g.Count()}");
        return (claims.Count, claims.Sum(c => c.ChargeAmount), claims.Sum(c => c.PaymentAmount),
            claims.Sum(c => c.ServiceLines.Count), string.Join(";", adjustments),
            remittances.Sum(r => r.ProviderAdjustments.Sum(p => p.Amount)), claims.Sum(c => c.RemarkCodes.Count));
    }
}
