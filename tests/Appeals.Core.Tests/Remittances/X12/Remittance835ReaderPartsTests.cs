using System.Security.Cryptography;
using System.Text;
using Appeals.Core.Remittances;
using Appeals.Core.Remittances.X12;

namespace Appeals.Core.Tests.Remittances.X12;

/// <summary>
/// A transaction larger than the part size is handed out in parts cut before a CLP (ADR 0090): joined, the parts are
/// exactly the transaction read whole (claims, provider adjustments, digest, counts, located issues), whatever the
/// part size and the number of mapping threads, and no part holds more than the part size allows.
/// </summary>
public sealed class Remittance835ReaderPartsTests
{
    private const string Isa = "ISA*00*          *00*          *ZZ*DEMOPAYER      *ZZ*DEMOPROVIDER   *260105*0930*^*00501*000000901*0*P*:~\n";

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(2, 300)]
    [InlineData(3, 300)]
    [InlineData(2, 4096)]
    [InlineData(0, 1 << 20)]
    public void Read_InParts_JoinsToTheTransactionsReadWhole(int threads, int partBytes)
    {
        var text = Interchange((1, 3), (2, 400), (3, 1), (4, 250));

        var whole = Read(text, threads, partBytes: null, out var wholeCounts);
        var parts = Read(text, threads, partBytes, out var partCounts);

        Assert.Equal(Describe(whole), Describe(Join(parts)));
        Assert.Equal(Describe(wholeCounts), Describe(partCounts));
        Assert.Equal(SHA256Of(text, "0002"), Join(parts)[1].Remittance!.ContentHash);
        if (partBytes < 4096) Assert.Contains(parts, p => p.Continued);
    }

    [Fact]
    public void Read_InParts_NoPartHoldsMoreThanThePartSizeAndOneClaim()
    {
        const int partBytes = 4096;
        var text = Interchange((1, 2000));
        var claimBytes = Encoding.ASCII.GetByteCount(Claim(1, 1, bad: false));

        var parts = Read(text, threads: 2, partBytes, out _);

        Assert.True(parts.Count > 2000 * claimBytes / partBytes, $"{parts.Count} parts");
        Assert.All(parts, p => Assert.InRange(p.Remittance!.Claims.Count, 0, partBytes / claimBytes + 2));
        Assert.All(parts.SkipLast(1), p => Assert.True(p.Continued));
        Assert.Empty(parts.SkipLast(1).SelectMany(p => p.Remittance!.ProviderAdjustments));
        Assert.Single(parts[^1].Remittance!.ProviderAdjustments);
        Assert.All(parts, p => Assert.Equal(("0001", "DEMO HEALTH PLAN", 1000.00m), (p.Remittance!.TransactionControlNumber, p.Remittance.Payer!.Name, p.Remittance.PaymentAmount)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void Read_InParts_AnErrorInALaterPartRefusesTheTransactionWithItsLocation(int threads)
    {
        var text = Interchange((1, 300, 280), (2, 2, 0));

        var parts = Read(text, threads, partBytes: 2048, out _);

        var first = parts.TakeWhile(p => p.Remittance?.TransactionControlNumber != "0002").ToList();
        Assert.Null(first[^1].Remittance);
        Assert.False(first[^1].Continued);
        var error = Assert.Single(first[^1].Errors);
        Assert.Equal(("CLP", "CLP04", text.IndexOf("CLP*PCN-1-280*", StringComparison.Ordinal)), (error.SegmentId, error.Field, error.Offset));
        Assert.Equal(text[..(int)error.Offset].Count(c => c == '~') + 1, error.Segment);
        Assert.Contains(first, p => p.Continued && p.Remittance is null);
        Assert.All(first.SkipWhile(p => p.Remittance is not null), p => Assert.Null(p.Remittance)); // nothing to write after the error
        Assert.True(parts[^1].Accepted);
    }

    [Fact]
    public void Read_CorpusInTinyParts_JoinsToWhatItReadsWhole()
    {
        Assert.SkipWhen(ConformanceCorpus.Folder is null, ConformanceCorpus.MissingReason);
        foreach (var file in ConformanceCorpus.ReadExpected().Select(e => e.File))
        {
            var bytes = File.ReadAllBytes(Path.Combine(ConformanceCorpus.Folder!, file));
            Assert.Equal(Outcome(bytes, file, null), Outcome(bytes, file, 1));
        }

        static string Outcome(byte[] bytes, string file, int? partBytes)
        {
            var reader = new Remittance835Reader(new MemoryStream(bytes), file) { PartBytes = partBytes, MappingThreads = 1 };
            var read = new List<TransactionRead>();
            try
            {
                read.AddRange(reader.ReadTransactions());
                return $"{file}: {Describe(Join(read))} {Describe(reader.Counts)} {string.Join(";", reader.EnvelopeWarnings)}";
            }
            catch (X12ParseException e)
            {
                return $"{file}: {Describe(Join(read))} refused {e.Issue}";
            }
        }
    }

    private static List<TransactionRead> Read(string text, int threads, int? partBytes, out X12ReadCounts counts)
    {
        var reader = new Remittance835Reader(new MemoryStream(Encoding.ASCII.GetBytes(text)), "parts.835") { MappingThreads = threads, PartBytes = partBytes };
        var read = reader.ReadTransactions().ToList();
        counts = reader.Counts;
        return read;
    }

    /// <summary>The parts of each transaction joined into one read, as the importer writes them.</summary>
    private static List<TransactionRead> Join(List<TransactionRead> parts)
    {
        var joined = new List<TransactionRead>();
        var claims = new List<ClaimPayment>();
        var refused = false;
        foreach (var part in parts)
        {
            refused |= part.Remittance is null;
            if (part.Remittance is { } r) claims.AddRange(r.Claims);
            if (part.Continued)
            {
                Assert.Empty(part.Warnings.Concat(part.Errors));
                continue;
            }
            if (part.Remittance is { } last && !refused) last.Claims = [.. claims];
            joined.Add(refused && part.Remittance is not null ? part with { Remittance = null } : part);
            (claims, refused) = ([], false);
        }
        return joined;
    }

    private static string Describe(List<TransactionRead> read) => string.Join("\n", read.Select(t => t.Remittance is { } r
        ? $"{r.TransactionControlNumber} {r.ContentHash} {r.Payer?.Identifier} {r.PaymentAmount} {r.TraceNumber} {r.ProductionDate} | "
          + string.Join(" ", r.Claims.Select(c => $"{c.PatientControlNumber}/{c.PaymentAmount}/{c.ServiceDateFrom}/{c.ServiceLines.Count}/{c.Adjustments.Count}/{c.RemarkCodes.Count}"))
          + " | " + string.Join(" ", r.ProviderAdjustments.Select(p => $"{p.ReasonCode}/{p.Amount}"))
          + " | " + string.Join(";", t.Warnings)
        : string.Join(";", t.Errors.Concat(t.Warnings))));

    private static string Describe(X12ReadCounts c) =>
        $"{c.Transactions} {c.Claims} {c.ServiceLines} {c.ClaimAdjustmentSegments} {c.LineAdjustmentSegments} {c.ProviderAdjustmentSegments} {c.LqSegments}";

    private static string SHA256Of(string text, string controlNumber)
    {
        var start = text.IndexOf($"ST*835*{controlNumber}", StringComparison.Ordinal);
        var end = text.IndexOf('~', text.IndexOf($"SE*", start, StringComparison.Ordinal)) + 1;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(text[start..end])));
    }

    /// <summary>An interchange of transactions (control number, claims, 1-based claim with a bad CLP04 or 0), each ending with a PLB.</summary>
    private static string Interchange(params (int Number, int Claims, int BadAt)[] transactions)
    {
        var text = new StringBuilder(Isa).Append("GS*HP*DEMOPAYER*DEMOPROVIDER*20260105*0930*901*X*005010X221A1~\n");
        foreach (var (t, count, badAt) in transactions)
        {
            text.Append($"ST*835*{t:D4}*005010X221A1~\nBPR*I*1000*C*CHK************20260110~\nTRN*1*TRACE{t:D4}*1512345678~\nDTM*405*20260109~\nN1*PR*DEMO HEALTH PLAN~\nN1*PE*EXAMPLE CLINIC*XX*1999999984~\nLX*1~\n");
            var segments = 7;
            for (var c = 1; c <= count; c++)
            {
                text.Append(Claim(t, c, bad: c == badAt));
                segments += 6;
            }
            text.Append($"PLB*1999999984*20261231*WO:PCN-{t}-1*-12.50~\nSE*{segments + 2}*{t:D4}~\n");
        }
        text.Append($"GE*{transactions.Length}*901~\nIEA*1*000000901~\n");
        return text.ToString();
    }

    private static string Interchange(params (int Number, int Claims)[] transactions) =>
        Interchange(transactions.Select(t => (t.Number, t.Claims, 0)).ToArray());

    private static string Claim(int t, int c, bool bad) =>
        $"CLP*PCN-{t}-{c}*{(c % 7 == 0 ? 4 : 1)}*200*{(bad ? "1O.5" : c % 7 == 0 ? "0" : "150")}**12*CLAIM{t:D4}{c:D5}~\nDTM*232*20260102~\n"
        + $"SVC*HC:99213*200*{(c % 7 == 0 ? "0" : "150")}~\nDTM*472*20260102~\nCAS*CO*{(c % 7 == 0 ? "50*200" : "45*50")}~\nLQ*HE*N130~\n";
}
