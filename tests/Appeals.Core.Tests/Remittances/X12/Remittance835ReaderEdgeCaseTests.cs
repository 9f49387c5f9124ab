using Appeals.Core.Remittances;
using Appeals.Core.Remittances.X12;

namespace Appeals.Core.Tests.Remittances.X12;

/// <summary>Separators, envelopes, broken content: one fixture per edge case.</summary>
public class Remittance835ReaderEdgeCaseTests
{
    private static Remittance Single(string fixture)
    {
        var read = ReaderFixtures.Read(fixture);
        Assert.Null(read.Refusal);
        var transaction = Assert.Single(read.Transactions);
        Assert.True(transaction.Accepted, string.Join("; ", transaction.Errors));
        return transaction.Remittance!;
    }

    [Fact]
    public void Read_FileWithoutEnvelope_InfersSeparatorsFromSt()
    {
        var r = Single("no-envelope.835");
        Assert.Equal(("", "", "7001"), (r.InterchangeControlNumber, r.GroupControlNumber, r.TransactionControlNumber));
        Assert.Equal(("DM001", "DEMO MUTUAL"), (r.Payer!.Identifier, r.Payer.Name));
        var claim = Assert.Single(r.Claims);
        var line = Assert.Single(claim.ServiceLines);
        Assert.Equal(("HC", "99212", 100m, 80m), (line.ProcedureQualifier, line.ProcedureCode, line.ChargeAmount, line.PaidAmount));
        Assert.Equal(20m, Assert.Single(claim.AdjustmentsOf(line)).Amount);
    }

    [Fact]
    public void Read_BomCrLfAndIndentation_ReadsLikeAPlainFileAndLocatesSegmentsAfterTheBom()
    {
        var read = ReaderFixtures.Read("bom-crlf-indented.835");
        // A 004010 file: read with the 005010 rules, and said so once, at its GS.
        var version = Assert.Single(read.AllIssues);
        Assert.Equal(("GS", "GS08"), (version.SegmentId, version.Field));
        Assert.Contains("004010X091A1", version.Message);
        var r = Assert.Single(read.Transactions).Remittance!;
        var line = Assert.Single(Assert.Single(r.Claims).ServiceLines);
        Assert.Equal(("HC", "99211", "59"), (line.ProcedureQualifier, line.ProcedureCode, line.Modifiers));
        Assert.Equal("MC", r.Claims[0].ClaimFilingIndicator);
    }

    [Fact]
    public void Read_NewlineAsTerminator_ReadsEverySegment()
    {
        var r = Single("newline-terminator.835");
        Assert.Equal(("000000303", "PCN-301", 10m), (r.InterchangeControlNumber, r.Claims[0].PatientControlNumber, r.Claims[0].PaymentAmount));
        Assert.Equal("99211", r.Claims[0].ServiceLines[0].ProcedureCode);
    }

    [Fact]
    public void Read_SeveralInterchangesWithDifferentSeparators_ReadsEachWithItsOwn()
    {
        var read = ReaderFixtures.Read("multiple-interchanges.835");
        Assert.Empty(read.AllIssues);
        var remittances = read.Transactions.Select(t => t.Remittance!).ToList();
        Assert.Equal(["000000401/401/4001", "000000402/402/4002", "000000402/402/4003"],
            remittances.Select(r => $"{r.InterchangeControlNumber}/{r.GroupControlNumber}/{r.TransactionControlNumber}"));
        var line = Assert.Single(remittances[1].Claims[0].ServiceLines);
        Assert.Equal(("99213", "25"), (line.ProcedureCode, line.Modifiers));
        Assert.Equal("OTHER DEMO PLAN", remittances[2].Payer!.Name);
    }

    [Fact]
    public void Read_WrongCountsAndControlNumbers_WarnsWithLocationsButAccepts()
    {
        var read = ReaderFixtures.Read("wrong-counts.835");
        var transaction = Assert.Single(read.Transactions);
        Assert.True(transaction.Accepted);
        Assert.Equal(["SE01", "SE02"], transaction.Warnings.Select(w => w.Field));
        Assert.All(transaction.Warnings, w => Assert.Equal((9L, ReaderFixtures.OffsetOf("wrong-counts.835", "SE*30")), (w.Segment, w.Offset)));
        Assert.Equal(["GE01", "GE02", "IEA01", "IEA02"], read.EnvelopeWarnings.Select(w => w.Field));
        Assert.Equal(ReaderFixtures.OffsetOf("wrong-counts.835", "IEA*2"), read.EnvelopeWarnings[^1].Offset);
    }

    [Fact]
    public void Read_Reversal_KeepsNegativeAmountsAndTheCorrectionThatFollows()
    {
        var claims = Single("reversal.835").Claims;
        var (reversal, correction) = (claims[0], claims[1]);
        Assert.Equal((22, -120m, -90m, -15m, "8"), (reversal.StatusCode, reversal.ChargeAmount, reversal.PaymentAmount, reversal.PatientResponsibilityAmount, reversal.FrequencyCode));
        Assert.Equal((-120m, -90m), (reversal.ServiceLines[0].ChargeAmount, reversal.ServiceLines[0].PaidAmount));
        Assert.Equal([-15m, -15m], reversal.Adjustments.Select(a => a.Amount));
        Assert.Equal((1, 105m, "CLAIM0601"), (correction.StatusCode, correction.PaymentAmount, correction.OriginalReferenceNumber));
    }

    [Fact]
    public void Read_PlbAmountsWithoutLeadingZero_ParseAsDecimals()
    {
        var plb = Single("reversal.835").ProviderAdjustments;
        Assert.Equal(["FB:REFUND01:-0.5", "WO::0.5"], plb.Select(p => $"{p.ReasonCode}:{p.ReferenceId}:{p.Amount}"));
    }

    [Fact]
    public void Read_CasWithSixTriplets_ReadsEveryTripletAndMiaRemarks()
    {
        var claim = Single("cas-six-triplets.835").Claims[0];
        var claimLevel = claim.Adjustments.Where(a => a.Level == AdjustmentLevel.Claim).ToList();
        Assert.Equal(["1:10:1", "2:20:2", "3:30:3", "4:40:4", "5:50:5", "6:60:6"], claimLevel.Select(a => $"{a.Carc}:{a.Amount}:{a.Quantity}"));
        var line = claim.ServiceLines[0];
        Assert.Equal(["23:100:", "94:200:", "16:300:1", "18:1:", "B7:2:", "29:3:", "45:4:"], claim.AdjustmentsOf(line).Select(a => $"{a.Carc}:{a.Amount}:{a.Quantity}"));
        Assert.All(claim.AdjustmentsOf(line), a => Assert.Equal("OA", a.GroupCode));
        Assert.Equal(["MA01", "MA02", "MA03", "MA04", "MA05"], claim.RemarkCodes.Where(m => m.Source == "MIA").Select(m => m.Code));
    }

    [Fact]
    public void Read_BrokenSvcComposites_RepairsThemWithLocatedWarnings()
    {
        var read = ReaderFixtures.Read("broken-svc.835");
        var transaction = Assert.Single(read.Transactions);
        Assert.True(transaction.Accepted);
        var lines = transaction.Remittance!.Claims[0].ServiceLines;
        Assert.Equal(("HC", "99213", 100m, 80m, 1m), (lines[0].ProcedureQualifier, lines[0].ProcedureCode, lines[0].ChargeAmount, lines[0].PaidAmount, lines[0].Units));
        Assert.Equal(("HC", "99214", "25", 200m, 100m), (lines[1].ProcedureQualifier, lines[1].ProcedureCode, lines[1].Modifiers, lines[1].ChargeAmount, lines[1].PaidAmount));
        Assert.Equal([(10L, "SVC01"), (12L, "SVC01")], transaction.Warnings.Select(w => (w.Segment, w.Field)));
        Assert.Equal(ReaderFixtures.OffsetOf("broken-svc.835", "SVC*HC*99213"), transaction.Warnings[0].Offset);
    }

    [Fact]
    public void Read_BadAmount_RefusesThatTransactionWithALocatedErrorAndReadsTheNext()
    {
        var read = ReaderFixtures.Read("bad-amount.835");
        Assert.Equal(2, read.Transactions.Count);
        var (bad, good) = (read.Transactions[0], read.Transactions[1]);
        Assert.Null(bad.Remittance);
        var error = Assert.Single(bad.Errors);
        Assert.Equal(("bad-amount.835", 8L, "CLP", "CLP04"), (error.File, error.Segment, error.SegmentId, error.Field));
        Assert.Equal(ReaderFixtures.OffsetOf("bad-amount.835", "CLP*PCN-901"), error.Offset);
        Assert.Contains("1O.5", error.Message);
        Assert.Equal("PCN-902", good.Remittance!.Claims[0].PatientControlNumber);
    }

    [Fact]
    public void Read_TransactionWithoutSe_IsRefusedAndTheNextStStillReads()
    {
        var read = ReaderFixtures.Read("missing-se.835");
        Assert.Equal(2, read.Transactions.Count);
        var error = Assert.Single(read.Transactions[0].Errors);
        Assert.Equal((8L, "ST"), (error.Segment, error.SegmentId));
        Assert.Contains("no SE", error.Message);
        Assert.Equal("0102", read.Transactions[1].Remittance!.TransactionControlNumber);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("hello, this is not an 835", "neither an ISA nor an ST")]
    [InlineData("ISA*00*          *00*   ", "truncated")]
    [InlineData("ISA*00*          *00*          *ZZ*A              *ZZ*B              *260105*0930*^*00501*000000001*0*P*:~GS*HP*A*B*20260105*0930*1*X*005010X221A1~GE*0*1~IEA*1*000000001~", "no ST")]
    public void Read_FileThatIsNotX12_ThrowsAParseErrorNamingWhere(string text, string expected)
    {
        var read = ReaderFixtures.ReadText(text);
        Assert.NotNull(read.Refusal);
        Assert.Contains(expected, read.Refusal.Issue.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("inline.835", read.Refusal.Issue.File);
        Assert.True(read.Refusal.Issue.Segment >= 1);
    }

    [Fact]
    public void Read_SegmentsOutsideATransaction_AreSkippedWithAWarning()
    {
        var read = ReaderFixtures.ReadText("ST*835*1~BPR*I*1*C*ACH~N1*PR*DEMO~CLP*A*1*1*1~SE*5*1~CLP*STRAY*1*1*1~");
        Assert.True(Assert.Single(read.Transactions).Accepted);
        var warning = Assert.Single(read.EnvelopeWarnings);
        Assert.Equal((6L, "CLP", 53L), (warning.Segment, warning.SegmentId, warning.Offset)); // 9 + 14 + 11 + 12 + 7 bytes before it
    }

    [Fact]
    public void Read_NonRemittanceTransaction_IsRefused()
    {
        var read = ReaderFixtures.ReadText("ST*837*1~BHT*0019~SE*3*1~");
        var error = Assert.Single(Assert.Single(read.Transactions).Errors);
        Assert.Equal(("ST", "ST01"), (error.SegmentId, error.Field));
    }

    [Fact]
    public void Read_SegmentWithHundredsOfElements_IsRefusedAtThatSegmentAndReadingGoesOn()
    {
        var cas = "CAS*CO" + string.Concat(Enumerable.Repeat("*45*1*", 250));
        var read = ReaderFixtures.ReadText($"ST*835*1~BPR*I*250*C*ACH~N1*PR*DEMO~CLP*A*1*500*250~{cas}~SE*6*1~ST*835*2~BPR*I*0*C*NON~N1*PR*DEMO~SE*4*2~");
        Assert.Equal(2, read.Transactions.Count);
        Assert.Equal("2", read.Transactions[1].Remittance!.TransactionControlNumber);
        // Past 512 elements the rest stays in the last one, which is then not a number.
        var error = Assert.Single(read.Transactions[0].Errors);
        Assert.Equal((5L, "CAS"), (error.Segment, error.SegmentId));
    }
}
