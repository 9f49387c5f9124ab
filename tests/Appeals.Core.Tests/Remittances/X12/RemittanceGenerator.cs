using Appeals.Core.Remittances;
using Appeals.Core.Remittances.X12;
using CsCheck;

namespace Appeals.Core.Tests.Remittances.X12;

/// <summary>
/// CsCheck generators for whole remittances (synthetic ids only) and for separator choices. The remittances
/// are what a payer's adjudication system writes: they balance (each line, each claim, the payment against
/// the claims and PLBs), reversals take money back, and every code is in its code set, so that a file the
/// project's writer makes of them has no implementation-guide finding.
/// </summary>
internal static class RemittanceGenerator
{
    private static readonly Gen<string> Id = Gen.String[Gen.Char["ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"], 1, 12];
    private static readonly Gen<decimal> Money = Gen.Int[-50_000, 2_000_000].Select(cents => cents / 100m);
    private static readonly Gen<DateOnly> Date = Gen.Int[0, 3000].Select(days => new DateOnly(2020, 1, 1).AddDays(days));
    private static readonly Gen<string> Carc = Gen.OneOf("1", "2", "3", "16", "45", "50", "96", "97", "197", "B7", "253", "A1");
    private static readonly Gen<string> Group = Gen.OneOf("CO", "PR", "OA", "PI");
    private static readonly Gen<string> FilingIndicator = Gen.OneOf("CI", "MB", "MC", "HM", "12", "BL");
    private static readonly Gen<string> Remark = Gen.OneOf("N130", "M15", "MA01", "N115", "M127", "N4");

    /// <summary>Separators a real payer might use, including non-printing ones and a newline terminator.</summary>
    internal static readonly Gen<X12WriteOptions> Separators = Gen.OneOf(
        new X12WriteOptions(),
        new X12WriteOptions { ElementSeparator = '|', ComponentSeparator = '>', RepetitionSeparator = '^', SegmentTerminator = '~', NewlineAfterSegment = false },
        new X12WriteOptions { ElementSeparator = '^', ComponentSeparator = '>', RepetitionSeparator = '{', SegmentTerminator = '\'', NewlineAfterSegment = true },
        new X12WriteOptions { ElementSeparator = '*', ComponentSeparator = '>', RepetitionSeparator = '^', SegmentTerminator = '\n', NewlineAfterSegment = false },
        new X12WriteOptions { ElementSeparator = '\x1D', ComponentSeparator = '\x1F', RepetitionSeparator = '\x1E', SegmentTerminator = '\x1C', NewlineAfterSegment = false });

    private static readonly Gen<Adjustment> AnAdjustment =
        Gen.Select(Group, Carc, Money, Gen.Int[0, 4],
            (group, carc, amount, quantity) => new Adjustment
            {
                GroupCode = group,
                Carc = carc,
                Amount = amount,
                Quantity = quantity == 0 ? null : quantity,
            });

    private static readonly Gen<(ServiceLine Line, List<Adjustment> Adjustments)> ALine =
        Gen.Select(Id, Money, Money, Date, AnAdjustment.List[0, 8], Gen.Int[1, 3],
            (code, charge, _, date, adjustments, units) =>
            {
                // The line pays what its adjustments leave of its charge (SVC02 - CAS = SVC03).
                var paid = charge - adjustments.Sum(a => a.Amount);
                var line = new ServiceLine { ProcedureCode = code, ChargeAmount = charge, PaidAmount = paid, ServiceDate = date, Units = units };
                foreach (var a in adjustments) a.ServiceLine = line;
                return (line, adjustments);
            });

    private static readonly Gen<ClaimPayment> AClaim =
        Gen.Select(Id, Gen.OneOf(1, 2, 3, 4, 19, 22, 25), Money, FilingIndicator, ALine.List[0, 4], AnAdjustment.List[0, 3],
                Remark.List[0, 3], Remark.List[0, 2],
            (pcn, status, charge, filing, withAdjustments, claimLevel, moa, lq) =>
            {
                var lines = withAdjustments.Select(l => l.Line).ToList();
                // CLP03 - every adjustment (claim and line level) = CLP04.
                if (lines.Count > 0) charge = lines.Sum(l => l.ChargeAmount);
                var paid = charge - claimLevel.Sum(a => a.Amount) - withAdjustments.Sum(l => l.Adjustments.Sum(a => a.Amount));
                if (status == 4 && paid != 0) status = 1; // a denial pays nothing
                var claim = new ClaimPayment
                {
                    PatientControlNumber = pcn,
                    StatusCode = status,
                    ChargeAmount = charge,
                    PaymentAmount = paid,
                    ClaimFilingIndicator = filing,
                    PayerClaimControlNumber = pcn + "P",
                    ServiceLines = lines,
                };
                for (var i = 0; i < lines.Count; i++) lines[i].LineNumber = i + 1;
                claim.Adjustments = [.. claimLevel, .. withAdjustments.SelectMany(l => l.Adjustments)];
                claim.RemarkCodes = [.. moa.Select(code => new RemarkCode { Source = "MOA", Code = code })];
                if (lines.Count > 0)
                    claim.RemarkCodes.AddRange(lq.Select(code => new RemarkCode { Source = "LQ", Code = code, ServiceLine = lines[0] }));
                if (status == 22 && paid > 0) Negate(claim); // a reversal takes the earlier payment back
                return claim;
            });

    internal static readonly Gen<Remittance> ARemittance =
        Gen.Select(Id, Money, AClaim.List[1, 6], Gen.Select(Gen.OneOf("WO", "L6", "FB", "72"), Id, Money, (r, i, m) => (r, i, m)).List[0, 8], Date,
            (trace, _, claims, plb, paid) => new Remittance
            {
                ContentHash = "",
                TransactionControlNumber = "0001",
                TraceNumber = trace,
                // BPR02 = the claims' CLP04 less the PLB amounts.
                PaymentAmount = claims.Sum(c => c.PaymentAmount) - plb.Sum(p => p.m),
                PaymentDate = paid,
                PayeeName = "DEMO CLINIC",
                PayeeIdentifier = "1999999999",
                Payer = new Payer { Identifier = "PAYER" + trace, Name = "DEMO PLAN" },
                Claims = claims,
                ProviderAdjustments = [.. plb.Select(p => new ProviderAdjustment
                {
                    ProviderIdentifier = "1999999999", FiscalPeriodDate = paid, ReasonCode = p.r, ReferenceId = p.i, Amount = p.m,
                })],
            });

    private static void Negate(ClaimPayment claim)
    {
        claim.ChargeAmount = -claim.ChargeAmount;
        claim.PaymentAmount = -claim.PaymentAmount;
        foreach (var a in claim.Adjustments) a.Amount = -a.Amount;
        foreach (var l in claim.ServiceLines)
        {
            l.ChargeAmount = -l.ChargeAmount;
            l.PaidAmount = -l.PaidAmount;
        }
    }

    internal static byte[] Write(IReadOnlyList<Remittance> remittances, X12WriteOptions options)
    {
        var text = new StringWriter();
        new Remittance835Writer(text, options).WriteInterchange(remittances);
        return System.Text.Encoding.UTF8.GetBytes(text.ToString());
    }
}
