using System.Security.Cryptography;
using System.Text;
using Appeals.Core.Remittances.X12;
using CsCheck;

namespace Appeals.Core.Tests.Remittances.X12;

/// <summary>
/// The reader scans on the caller's thread and maps transactions on worker threads (ADR 0012): whatever
/// the number of threads, transactions come out in file order, hashed over their own bytes, with issues
/// located in the file, and the same as when mapped in line.
/// </summary>
public sealed class Remittance835ReaderPipelineTests
{
    private const string Isa = "ISA*00*          *00*          *ZZ*DEMOPAYER      *ZZ*DEMOPROVIDER   *260105*0930*^*00501*000000901*0*P*:~\n";

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Read_ManyTransactions_ComeOutInFileOrderEachHashedOverItsOwnBytes(int threads)
    {
        var (text, slices) = ManyTransactions(40, badAt: 25);
        var read = Read(text, threads);

        Assert.Equal(40, read.Count);
        Assert.Equal(Enumerable.Range(1, 40).Select(i => $"{i:D4}"),
            read.Select(t => t.Remittance?.TransactionControlNumber ?? $"{25:D4}"));
        for (var i = 0; i < 40; i++)
        {
            if (i == 24) continue;
            var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(slices[i])));
            Assert.Equal(expected, read[i].Remittance!.ContentHash);
            Assert.Equal(i % 5 + 1, read[i].Remittance!.Claims.Count);
        }
        var error = Assert.Single(read[24].Errors);
        Assert.Equal(("CLP", "CLP04"), (error.SegmentId, error.Field));
        Assert.Equal(text.IndexOf("CLP*PCN-25-1*", StringComparison.Ordinal), error.Offset);
        Assert.Equal(SegmentNumberAt(text, error.Offset), error.Segment);
    }

    [Fact]
    public void Read_WithWorkerThreads_GivesWhatMappingInLineGives()
    {
        var (text, _) = ManyTransactions(60, badAt: 7);
        var inLine = Describe(Read(text, 0, out var inLineCounts), inLineCounts);
        var threaded = Describe(Read(text, 2, out var threadedCounts), threadedCounts);
        Assert.Equal(inLine, threaded);
    }

    [Fact]
    public void Read_FileThatBreaksPartWay_HandsOutTheCompleteTransactionsBeforeTheError()
    {
        var (text, _) = ManyTransactions(12, badAt: 0);
        var broken = text.Replace("GE*12*901~", "ISA*00*broken~", StringComparison.Ordinal);
        var reader = new Remittance835Reader(new MemoryStream(Encoding.ASCII.GetBytes(broken)), "broken.835") { MappingThreads = 2 };
        var seen = new List<TransactionRead>();

        var error = Assert.Throws<X12ParseException>(() => { foreach (var t in reader.ReadTransactions()) seen.Add(t); });

        Assert.Equal(12, seen.Count);
        Assert.All(seen, t => Assert.True(t.Accepted));
        Assert.Equal(("ISA", broken.IndexOf("ISA*00*broken", StringComparison.Ordinal)), (error.Issue.SegmentId, error.Issue.Offset));
        Assert.Equal(12, reader.Counts.Transactions);
    }

    [Fact]
    public void Read_StoppedEarly_EndsWithTheTransactionsTaken()
    {
        var (text, _) = ManyTransactions(200, badAt: 0);
        var reader = new Remittance835Reader(new MemoryStream(Encoding.ASCII.GetBytes(text)), "many.835") { MappingThreads = 2 };

        var firstThree = reader.ReadTransactions().Take(3).ToList();

        Assert.Equal(["0001", "0002", "0003"], firstThree.Select(t => t.Remittance!.TransactionControlNumber));
        Assert.True(reader.BytesRead < text.Length / 2);
    }

    [Fact]
    public void Scan_PassingOverATransaction_StopsAtTheSegmentsThatMayEndItWithTheirNumbersAndOffsets()
    {
        // Inside a transaction the copying thread passes over segments without reading them; it must still
        // count every one and stop at each SE, ST, GE, GS, IEA and ISA exactly where a full read finds it.
        var seeds = new[] { "plain-5010.835", "no-envelope.835", "bom-crlf-indented.835", "multiple-interchanges.835", "newline-terminator.835", "missing-se.835" }
            .Select(ReaderFixtures.Bytes).ToArray();
        Gen.Select(Gen.Int[0, seeds.Length - 1], Mutations.Many, Gen.Int[1, 700], (i, m, chunk) => (i, m, chunk))
            .Sample(sample =>
            {
                var mutated = Mutations.Apply(seeds[sample.i], sample.m);
                Assert.Equal(EndingSegments(mutated, sample.chunk, passOver: false), EndingSegments(mutated, sample.chunk, passOver: true));
            }, iter: 1000, print: m => $"{m.i} in chunks of {m.chunk}: {string.Join(", ", m.m)}");
    }

    [Theory]
    [InlineData("ST*835*0001~LX\r~SE*3*0001~")]
    [InlineData("ST*835*0001\r\nLX\r\nSE*3*0001\r\n")]
    [InlineData("ST*835*0001~SVC*HC:1*1*1~SEX*1~ SE\r\n~\t~GE*1*1~IEA~")]
    [InlineData("ST*835*1~~~  \n SE*1*1")]
    [InlineData("ST*835*1~CLP*A*1*1*1~S")]
    public void Scan_PassingOverATransaction_AgreesWithAFullReadOnOddSegments(string text)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        for (var chunk = 1; chunk <= bytes.Length; chunk++)
            Assert.Equal(EndingSegments(bytes, chunk, passOver: false), EndingSegments(bytes, chunk, passOver: true));
    }

    private static List<string> EndingSegments(byte[] bytes, int chunk, bool passOver)
    {
        var found = new List<string>();
        using var scanner = new X12SegmentScanner(new TrickleStream(bytes, chunk), "mutated.835");
        try
        {
            while (passOver ? scanner.MoveToPossibleTransactionEnd() : scanner.MoveNext())
                if (scanner.Id is X12SegmentIds.SE or X12SegmentIds.ST or X12SegmentIds.GE or X12SegmentIds.GS or X12SegmentIds.IEA or X12SegmentIds.ISA)
                    found.Add($"{scanner.SegmentNumber}@{scanner.SegmentOffset}:{scanner.Id}");
            found.Add($"segments: {scanner.SegmentNumber}, bytes: {scanner.Position}");
        }
        catch (X12ParseException e)
        {
            found.Add($"refused: {e.Issue}");
        }
        return found;
    }

    private static List<TransactionRead> Read(string text, int threads) => Read(text, threads, out _);

    private static List<TransactionRead> Read(string text, int threads, out X12ReadCounts counts)
    {
        var reader = new Remittance835Reader(new MemoryStream(Encoding.ASCII.GetBytes(text)), "many.835") { MappingThreads = threads };
        var read = reader.ReadTransactions().ToList();
        counts = reader.Counts;
        return read;
    }

    private static string Describe(List<TransactionRead> read, X12ReadCounts counts) =>
        string.Join("\n", read.Select(t => t.Remittance is { } r
                ? $"{r.TransactionControlNumber} {r.ContentHash} {r.Claims.Count} {r.Claims.Sum(c => c.PaymentAmount)} {r.Claims.Sum(c => c.Adjustments.Count)}"
                : string.Join(";", t.Errors)))
            + $"\n{counts.Transactions} {counts.Claims} {counts.ServiceLines} {counts.ClaimAdjustmentSegments} {counts.LineAdjustmentSegments}";

    /// <summary>An interchange of <paramref name="count"/> transactions of 1 to 5 claims; transaction <paramref name="badAt"/> (1-based, 0 for none) has a bad CLP04.</summary>
    private static (string Text, List<string> Slices) ManyTransactions(int count, int badAt)
    {
        var text = new StringBuilder(Isa).Append("GS*HP*DEMOPAYER*DEMOPROVIDER*20260105*0930*901*X*005010X221A1~\n");
        var slices = new List<string>();
        for (var t = 1; t <= count; t++)
        {
            var body = new StringBuilder();
            body.Append($"ST*835*{t:D4}*005010X221A1~\nBPR*I*10*C*CHK************20260110~\nTRN*1*TRACE{t:D4}*1512345678~\nN1*PR*DEMO HEALTH PLAN~\n");
            var segments = 4;
            for (var c = 1; c <= (t - 1) % 5 + 1; c++)
            {
                var paid = t == badAt && c == 1 ? "1O.5" : $"{c}.25";
                body.Append($"CLP*PCN-{t}-{c}*1*{10 * c}*{paid}**12*CLAIM{t:D4}{c}~\nSVC*HC:99213*{10 * c}*{c}.25~\nCAS*CO*45*{10 * c - c}.75~\n");
                segments += 3;
            }
            body.Append($"SE*{segments + 1}*{t:D4}~");
            slices.Add(body.ToString());
            text.Append(body).Append('\n');
        }
        text.Append($"GE*{count}*901~\nIEA*1*000000901~\n");
        return (text.ToString(), slices);
    }

    private static long SegmentNumberAt(string text, long offset) => text[..(int)offset].Count(c => c == '~') + 1;
}
