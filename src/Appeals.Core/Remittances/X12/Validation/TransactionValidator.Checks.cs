using Appeals.Core.Imports;

namespace Appeals.Core.Remittances.X12.Validation;

/// <summary>The element table applied to a segment, the code lists (CARC, RARC, PLB reasons), and reporting.</summary>
internal sealed partial class TransactionValidator
{
    private void CheckElements(ElementCheck[] checks)
    {
        foreach (var check in checks)
        {
            if (check.WhenBytes.Length > 0 && !_s[1].SequenceEqual(check.WhenBytes)) continue;
            var value = _s[check.Element];
            switch (check.Kind)
            {
                case CheckKind.Required when X12Values.TrimSpaces(value).IsEmpty:
                    Report(check.Rule, Field(check.Element), $"{Field(check.Element)} is required and is empty.");
                    break;
                case CheckKind.Code when !value.IsEmpty && !check.Codes!.Contains(value):
                    Report(check.Rule, Field(check.Element), $"{Field(check.Element)} ({X12Values.Preview(value)}) is not one of the {check.Codes.Name}.");
                    break;
                case CheckKind.MaxLength when value.Length > check.MaxLength:
                    Report(check.Rule, Field(check.Element), $"{Field(check.Element)} is {value.Length} characters long; the guide allows {check.MaxLength}.");
                    break;
            }
        }
    }

    /// <summary>CAS: the triplets' amounts for balancing, their CARCs against the map, and the repeat limits.</summary>
    private void Adjustments(bool lineLevel)
    {
        if (_s[1].SequenceEqual("CR"u8))
            Report(X12Rules.RetiredGroupCode, "CAS01", "CAS01 is CR, a 004010 group code (corrections and reversals) that 5010 retired: read, but never counted as a denial.");
        var segments = lineLevel ? ++_lineAdjustmentSegments : ++_claimAdjustmentSegments;
        if (segments == 100) Report(X12Rules.Repeats, "", $"The {(lineLevel ? "service line" : "claim")} has more than 99 CAS segments, the most the guide allows.");
        if (_s.Count > 20) Report(X12Rules.AdjustmentTriplet, "CAS20", "The CAS has more than six reason/amount/quantity triplets.");
        for (var i = 2; i < _s.Count; i += 3)
        {
            var reason = _s[i];
            if (X12Values.TryDecimal(_s[i + 1], out var amount)) _balance.Adjust(amount);
            if (reason.IsEmpty || X12CodeSets.CurrentCarcs.Contains(reason)) continue;
            var retired = X12CodeSets.Carcs.Contains(reason);
            if (!FirstTime("CARC", reason)) continue;
            Report(X12Rules.Carc, Field(i), retired
                ? $"CARC {X12Values.Preview(reason)} has been deactivated by X12; it is read with its category from the CARC map."
                : $"CARC {X12Values.Preview(reason)} is not in the CARC map; its adjustments are not counted as denials.");
        }
    }

    private void Remarks(int from, int to)
    {
        for (var i = from; i <= to; i++)
        {
            var code = _s[i];
            if (code.IsEmpty || X12CodeSets.Rarcs.Contains(code) || !FirstTime("RARC", code)) continue;
            Report(X12Rules.Rarc, Field(i), $"Remark code {X12Values.Preview(code)} is not in the RARC list.");
        }
    }

    /// <summary>PLB: each reason (PLB03-1, 05-1...) against its code set, each amount into the payment balance.</summary>
    private void ProviderAdjustments()
    {
        var component = _s.Separators.Component;
        for (var i = 3; i < _s.Count; i += 2)
        {
            if (X12Values.TryDecimal(_s[i + 1], out var amount)) _balance.ProviderAdjustment(amount);
            var reason = _s[i];
            var split = reason.IndexOf(component);
            if (split >= 0) reason = reason[..split];
            if (!reason.IsEmpty && !X12CodeSets.ProviderAdjustmentReasons.Contains(reason))
                Report(X12Rules.Qualifier, Field(i), $"{Field(i)}-1 ({X12Values.Preview(reason)}) is not one of the {X12CodeSets.ProviderAdjustmentReasons.Name}.");
        }
    }

    private void NonPayment(decimal amount)
    {
        if (amount == 0) return;
        if (_s[1].SequenceEqual("H"u8))
            Report(X12Rules.NonPayment, "BPR02", "BPR01=H is a notification only, yet BPR02 is not zero.");
        else if (_s[4].SequenceEqual("NON"u8))
            Report(X12Rules.NonPayment, "BPR02", "BPR04=NON says no payment is made, yet BPR02 is not zero.");
    }

    private bool FirstTime(string list, ReadOnlySpan<byte> code)
    {
        _codesReported ??= [];
        return _codesReported.Add(list + ":" + X12Values.Text(code));
    }

    private string Field(int element) => element <= 0 ? "" : $"{X12Values.Text(_s[0])}{element:D2}";

    private void Report(X12Rule rule, string field, string message) =>
        Add(rule, _s.Issue(_s.Id == 0 ? "" : X12Values.Text(_s[0]), field, message));

    internal void Report(X12Rule rule, SegmentAt at, string segmentId, string field, string message) =>
        Add(rule, _st with { Segment = at.Segment, Offset = at.Offset, SegmentId = segmentId, Field = field, Message = message });

    private void ReportAtSt(X12Rule rule, string message) => Add(rule, _st with { Message = message });

    private void Add(X12Rule rule, ImportIssue issue)
    {
        if (_findings.Count >= MaxFindings) return;
        var listed = issue with { Message = $"[{rule.Id}] {issue.Message}" };
        _findings.Add(new X12Finding(rule, issue, listed));
        (rule.Severity == RuleSeverity.Refuse ? _errors : _warnings).Add(listed);
    }
}
