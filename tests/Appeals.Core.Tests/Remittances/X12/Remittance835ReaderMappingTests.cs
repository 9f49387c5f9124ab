using System.Security.Cryptography;
using System.Text;
using Appeals.Core.Remittances;

namespace Appeals.Core.Tests.Remittances.X12;

/// <summary>What the reader puts in the model, checked field by field on plain-5010.835.</summary>
public class Remittance835ReaderMappingTests
{
    private static Remittance ReadPlain()
    {
        var read = ReaderFixtures.Read("plain-5010.835");
        Assert.Null(read.Refusal);
        Assert.Empty(read.AllIssues);
        return Assert.Single(read.Transactions).Remittance!;
    }

    [Fact]
    public void Read_PlainFile_FillsPaymentPayerPayeeAndControlNumbers()
    {
        var r = ReadPlain();
        Assert.Equal(("000000101", "101", "0001"), (r.InterchangeControlNumber, r.GroupControlNumber, r.TransactionControlNumber));
        Assert.Equal(("I", 418.5m, "C", "ACH"), (r.HandlingCode, r.PaymentAmount, r.CreditDebitFlag, r.PaymentMethod));
        Assert.Equal(new DateOnly(2026, 1, 10), r.PaymentDate);
        Assert.Equal(new DateOnly(2026, 1, 5), r.ProductionDate);
        Assert.Equal("TRACE0001", r.TraceNumber);
        Assert.Equal(("PAYER01", "DEMO HEALTH PLAN"), (r.Payer!.Identifier, r.Payer.Name));
        Assert.Equal(("DEMO CLINIC", "1999999999"), (r.PayeeName, r.PayeeIdentifier));
    }

    [Fact]
    public void Read_PlainFile_HashesTheBytesFromStThroughSe()
    {
        var text = Encoding.ASCII.GetString(ReaderFixtures.Bytes("plain-5010.835"));
        var start = text.IndexOf("ST*835", StringComparison.Ordinal);
        var end = text.IndexOf('~', text.IndexOf("SE*39", StringComparison.Ordinal)) + 1;
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(text[start..end])));

        Assert.Equal(expected, ReadPlain().ContentHash);
    }

    [Fact]
    public void Read_PlainFile_MapsClaimFieldsAndDates()
    {
        var claim = ReadPlain().Claims[0];
        Assert.Equal(("PCN-001", 1, 500m, 400m, 50m), (claim.PatientControlNumber, claim.StatusCode, claim.ChargeAmount, claim.PaymentAmount, claim.PatientResponsibilityAmount));
        Assert.Equal(("12", "CLAIM0001", "11", "1"), (claim.ClaimFilingIndicator, claim.PayerClaimControlNumber, claim.FacilityTypeCode, claim.FrequencyCode));
        Assert.Equal(("PATIENT", "TEST", "MEMBER01", "1888888888"), (claim.PatientLastName, claim.PatientFirstName, claim.MemberId, claim.RenderingProviderId));
        Assert.Equal((new DateOnly(2025, 12, 1), new DateOnly(2025, 12, 3), new DateOnly(2025, 12, 10)),
            (claim.ServiceDateFrom, claim.ServiceDateTo, claim.ReceivedDate));
    }

    [Fact]
    public void Read_PlainFile_PutsAdjustmentsAtTheRightLevel()
    {
        var claim = ReadPlain().Claims[0];
        var claimLevel = Assert.Single(claim.Adjustments, a => a.Level == AdjustmentLevel.Claim);
        Assert.Equal(("CO", "45", 30m, 1m), (claimLevel.GroupCode, claimLevel.Carc, claimLevel.Amount, claimLevel.Quantity));
        var first = claim.ServiceLines[0];
        Assert.Equal(["PR-1-20", "PR-2-30", "CO-45-0"], claim.AdjustmentsOf(first).Select(a => $"{a.GroupCode}-{a.Carc}-{a.Amount}"));
        Assert.All(claim.AdjustmentsOf(first), a => Assert.Equal(AdjustmentLevel.Line, a.Level));
        Assert.Equal(claim.Adjustments.Count, 1 + claim.ServiceLines.Sum(l => claim.AdjustmentsOf(l).Count()));
        Assert.Equal(5, claim.Adjustments.Count);
    }

    [Fact]
    public void Read_PlainFile_MapsServiceLines()
    {
        var lines = ReadPlain().Claims[0].ServiceLines;
        Assert.Equal(2, lines.Count);
        var (first, second) = (lines[0], lines[1]);
        Assert.Equal((1, "HC", "99213", "25:GT", 300m, 250m, 1m), (first.LineNumber, first.ProcedureQualifier, first.ProcedureCode, first.Modifiers, first.ChargeAmount, first.PaidAmount, first.Units));
        Assert.Equal((new DateOnly(2025, 12, 1), "LINE0001", 280m), (first.ServiceDate, first.LineControlNumber, first.AllowedAmount));
        Assert.Equal((2, "NU", "0450", "0450", 2m, (decimal?)null), (second.LineNumber, second.ProcedureQualifier, second.ProcedureCode, second.RevenueCode, second.Units, second.AllowedAmount));
    }

    [Fact]
    public void Read_PlainFile_KeepsRemarkCodesWithTheirSourceAndLine()
    {
        var claims = ReadPlain().Claims;
        Assert.Equal(["MOA:N130:-", "MOA:M15:-", "LQ:N130:1"],
            claims[0].RemarkCodes.Select(m => $"{m.Source}:{m.Code}:{m.ServiceLine?.LineNumber.ToString() ?? "-"}"));
        Assert.Equal(["N115", "M127"], claims[1].RemarkCodes.Select(m => m.Code));
        Assert.All(claims[1].RemarkCodes, m => Assert.Equal(("LQ", "HE"), (m.Source, m.Qualifier)));
    }

    [Fact]
    public void Read_ClaimWithoutStatementDates_TakesThemFromItsLines()
    {
        var denied = ReadPlain().Claims[1];
        Assert.Equal((4, 0m), (denied.StatusCode, denied.PaymentAmount));
        Assert.Equal(new DateOnly(2025, 11, 15), denied.ServiceLines[0].ServiceDate);
        Assert.Equal((new DateOnly(2025, 11, 15), new DateOnly(2025, 11, 15)), (denied.ServiceDateFrom, denied.ServiceDateTo));
    }

    [Fact]
    public void Read_PlbWithTwoPairs_MakesOneProviderAdjustmentPerPair()
    {
        var plb = ReadPlain().ProviderAdjustments;
        Assert.Equal(["WO|OVERPAY01|-19.5", "L6||1"], plb.Select(p => $"{p.ReasonCode}|{p.ReferenceId}|{p.Amount}"));
        Assert.All(plb, p => Assert.Equal(("1999999999", new DateOnly(2026, 12, 31)), (p.ProviderIdentifier, p.FiscalPeriodDate)));
    }
}
