using System.Globalization;
using System.Text;

namespace Appeals.Core.Remittances.X12;

/// <summary>Separators and envelope values for writing an 835.</summary>
public sealed record X12WriteOptions
{
    public char ElementSeparator { get; init; } = '*';
    public char ComponentSeparator { get; init; } = ':';
    public char RepetitionSeparator { get; init; } = '^';
    public char SegmentTerminator { get; init; } = '~';
    /// <summary>Write a newline after each terminator, as most payers do.</summary>
    public bool NewlineAfterSegment { get; init; } = true;
    public string SenderId { get; init; } = "APPEALSDEMO";
    public string ReceiverId { get; init; } = "PROVIDERDEMO";
    public DateTimeOffset InterchangeDate { get; init; } = new(2026, 1, 5, 9, 30, 0, TimeSpan.Zero);
}

/// <summary>
/// Writes remittances as X12 005010X221A1 835 text: one interchange, one functional group, one
/// transaction per remittance. Used by the demo generator, the property tests and the benchmarks.
/// </summary>
public sealed class Remittance835Writer(TextWriter output, X12WriteOptions? options = null)
{
    private readonly X12WriteOptions _o = options ?? new X12WriteOptions();
    private readonly StringBuilder _segment = new(256);
    private int _segmentsInTransaction;

    /// <summary>Writes a whole interchange (ISA..IEA) holding every remittance given, each as its own ST..SE.</summary>
    public void WriteInterchange(IEnumerable<Remittance> remittances, int interchangeControlNumber = 1)
    {
        var isa = interchangeControlNumber.ToString("D9", CultureInfo.InvariantCulture);
        var date = _o.InterchangeDate;
        Segment("ISA", "00", "          ", "00", "          ", "ZZ", _o.SenderId.PadRight(15), "ZZ", _o.ReceiverId.PadRight(15),
            date.ToString("yyMMdd", CultureInfo.InvariantCulture), date.ToString("HHmm", CultureInfo.InvariantCulture),
            _o.RepetitionSeparator.ToString(), "00501", isa, "0", "P", _o.ComponentSeparator.ToString());
        Segment("GS", "HP", _o.SenderId, _o.ReceiverId, date.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
            date.ToString("HHmm", CultureInfo.InvariantCulture), interchangeControlNumber.ToString(CultureInfo.InvariantCulture), "X", "005010X221A1");
        var count = 0;
        foreach (var remittance in remittances)
        {
            count++;
            WriteTransaction(remittance, count.ToString("D4", CultureInfo.InvariantCulture));
        }
        Segment("GE", count.ToString(CultureInfo.InvariantCulture), interchangeControlNumber.ToString(CultureInfo.InvariantCulture));
        Segment("IEA", "1", isa);
    }

    /// <summary>Writes one ST..SE transaction set with a correct SE01 count.</summary>
    public void WriteTransaction(Remittance r, string controlNumber)
    {
        _segmentsInTransaction = 0;
        Segment("ST", "835", controlNumber, "005010X221A1");
        Segment("BPR", r.HandlingCode.Length > 0 ? r.HandlingCode : "I", Money(r.PaymentAmount), r.CreditDebitFlag,
            r.PaymentMethod.Length > 0 ? r.PaymentMethod : "ACH", "CCP", "01", "999999999", "DA", "123456", "1512345678", "",
            "01", "999988880", "DA", "98765", Date(r.PaymentDate));
        Segment("TRN", "1", r.TraceNumber, "1512345678");
        if (r.ProductionDate is { } produced) Segment("DTM", "405", Date(produced));
        var payer = r.Payer;
        Segment("N1", "PR", payer?.Name ?? "DEMO PAYER");
        Segment("REF", "2U", payer?.Identifier ?? "00000");
        Segment("N1", "PE", r.PayeeName, "XX", r.PayeeIdentifier);
        Segment("LX", "1");
        foreach (var claim in r.Claims) WriteClaim(claim);
        var plbs = r.ProviderAdjustments;
        for (var i = 0; i < plbs.Count; i += 6) WriteProviderAdjustments(plbs.Skip(i).Take(6).ToList());
        _segmentsInTransaction++;
        Segment("SE", _segmentsInTransaction.ToString(CultureInfo.InvariantCulture), controlNumber);
    }

    private void WriteClaim(ClaimPayment c)
    {
        Segment("CLP", c.PatientControlNumber, c.StatusCode.ToString(CultureInfo.InvariantCulture), Money(c.ChargeAmount), Money(c.PaymentAmount),
            c.PatientResponsibilityAmount is { } pr ? Money(pr) : "", c.ClaimFilingIndicator, c.PayerClaimControlNumber,
            c.FacilityTypeCode, c.FrequencyCode);
        WriteAdjustments(c.Adjustments.Where(a => a.Level == AdjustmentLevel.Claim));
        if (c.PatientLastName.Length > 0 || c.MemberId.Length > 0)
            Segment("NM1", "QC", "1", c.PatientLastName, c.PatientFirstName, "", "", "", c.MemberId.Length > 0 ? "MI" : "", c.MemberId);
        if (c.RenderingProviderId.Length > 0) Segment("NM1", "82", "1", "PROVIDER", "DEMO", "", "", "", "XX", c.RenderingProviderId);
        var inpatientRemarks = c.RemarkCodes.Where(m => m.Source == "MIA").Select(m => m.Code).Take(5).ToList();
        if (inpatientRemarks.Count > 0)
        {
            // MIA01 (covered days) is required; remark codes go in MIA05, then MIA20-23.
            var mia = new List<string> { "MIA", "0", "", "", "", inpatientRemarks[0] };
            if (inpatientRemarks.Count > 1)
            {
                while (mia.Count < 20) mia.Add("");
                mia.AddRange(inpatientRemarks.Skip(1));
            }
            Segment([.. mia]);
        }
        var claimRemarks = c.RemarkCodes.Where(m => m.Source == "MOA").Select(m => m.Code).Take(5).ToList();
        if (claimRemarks.Count > 0) Segment(["MOA", "", "", .. claimRemarks]);
        if (c.OriginalReferenceNumber.Length > 0) Segment("REF", "F8", c.OriginalReferenceNumber);
        if (c.ServiceDateFrom is { } from) Segment("DTM", "232", Date(from));
        if (c.ServiceDateTo is { } to) Segment("DTM", "233", Date(to));
        if (c.ReceivedDate is { } received) Segment("DTM", "050", Date(received));
        foreach (var line in c.ServiceLines) WriteLine(c, line);
    }

    private void WriteLine(ClaimPayment claim, ServiceLine l)
    {
        var procedure = l.ProcedureQualifier.Length > 0 ? l.ProcedureQualifier : "HC";
        var composite = l.Modifiers.Length > 0
            ? $"{procedure}{_o.ComponentSeparator}{l.ProcedureCode}{_o.ComponentSeparator}{l.Modifiers.Replace(':', _o.ComponentSeparator)}"
            : $"{procedure}{_o.ComponentSeparator}{l.ProcedureCode}";
        Segment("SVC", composite, Money(l.ChargeAmount), Money(l.PaidAmount), l.RevenueCode,
            l.Units == 1 ? "" : l.Units.ToString(CultureInfo.InvariantCulture));
        if (l.ServiceDate is { } date) Segment("DTM", "472", Date(date));
        WriteAdjustments(claim.AdjustmentsOf(l));
        if (l.LineControlNumber.Length > 0) Segment("REF", "6R", l.LineControlNumber);
        if (l.AllowedAmount is { } allowed) Segment("AMT", "B6", Money(allowed));
        foreach (var remark in claim.RemarkCodes.Where(m => m.Source == "LQ" && ReferenceEquals(m.ServiceLine, l)))
            Segment("LQ", remark.Qualifier.Length > 0 ? remark.Qualifier : "HE", remark.Code); // LQ01 is required; HE is the RARC list
    }

    /// <summary>CAS carries up to six triplets of one group code; more make another CAS.</summary>
    private void WriteAdjustments(IEnumerable<Adjustment> adjustments)
    {
        foreach (var group in adjustments.GroupBy(a => a.GroupCode))
        {
            foreach (var chunk in group.Chunk(6))
            {
                var elements = new List<string> { "CAS", group.Key };
                foreach (var a in chunk)
                {
                    elements.Add(a.Carc);
                    elements.Add(Money(a.Amount));
                    elements.Add(a.Quantity is { } q ? q.ToString(CultureInfo.InvariantCulture) : "");
                }
                while (elements.Count > 2 && elements[^1].Length == 0) elements.RemoveAt(elements.Count - 1);
                Segment([.. elements]);
            }
        }
    }

    private void WriteProviderAdjustments(IReadOnlyList<ProviderAdjustment> pairs)
    {
        var first = pairs[0];
        var elements = new List<string> { "PLB", first.ProviderIdentifier, Date(first.FiscalPeriodDate ?? new DateOnly(2026, 12, 31)) };
        foreach (var p in pairs)
        {
            elements.Add(p.ReferenceId.Length > 0 ? $"{p.ReasonCode}{_o.ComponentSeparator}{p.ReferenceId}" : p.ReasonCode);
            elements.Add(Money(p.Amount));
        }
        Segment([.. elements]);
    }

    private void Segment(params string[] elements)
    {
        _segment.Clear();
        var last = elements.Length - 1;
        while (last > 0 && elements[last].Length == 0) last--;
        for (var i = 0; i <= last; i++)
        {
            if (i > 0) _segment.Append(_o.ElementSeparator);
            _segment.Append(elements[i]);
        }
        _segment.Append(_o.SegmentTerminator);
        if (_o.NewlineAfterSegment) _segment.Append('\n');
        output.Write(_segment);
        _segmentsInTransaction++;
    }

    private static string Money(decimal amount) =>
        amount == decimal.Truncate(amount)
            ? decimal.Truncate(amount).ToString(CultureInfo.InvariantCulture)
            : amount.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Date(DateOnly? date) => date?.ToString("yyyyMMdd", CultureInfo.InvariantCulture) ?? "";
}
