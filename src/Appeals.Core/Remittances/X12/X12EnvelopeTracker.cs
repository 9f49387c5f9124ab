using Appeals.Core.Imports;
using static Appeals.Core.Remittances.X12.X12SegmentIds;

namespace Appeals.Core.Remittances.X12;

/// <summary>
/// Follows ISA/GS/GE/IEA around the transactions and checks their counts and control numbers.
/// Envelope problems are warnings: the money is in the transactions, which carry their own checks.
/// </summary>
internal sealed class X12EnvelopeTracker(X12SegmentScanner s, X12CodeCache codes, List<ImportIssue> warnings)
{
    private const int MaxWarnings = 1000;
    private bool _inInterchange, _inGroup;
    private int _groups, _transactions;
    private string _isa13 = "", _gs06 = "";

    internal string InterchangeControlNumber => _inInterchange ? _isa13 : "";
    internal string GroupControlNumber => _inGroup ? _gs06 : "";

    internal void TransactionStarted() => _transactions++;

    /// <summary>A segment seen outside any transaction.</summary>
    internal void Apply()
    {
        switch (s.Id)
        {
            case ISA:
                if (_inInterchange) Warn("ISA", "", "A new interchange (ISA) starts before the previous one ended (IEA).");
                _inInterchange = true;
                _inGroup = false;
                _groups = 0;
                _isa13 = X12Values.Text(s[13]);
                break;
            case GS:
                if (_inGroup) Warn("GS", "", "A new functional group (GS) starts before the previous one ended (GE).");
                _inGroup = true;
                _transactions = 0;
                _gs06 = X12Values.Text(s[6]);
                if (!s[8].IsEmpty && !s[8].SequenceEqual("005010X221A1"u8))
                    Warn("GS", "GS08", $"This functional group is version {X12Values.Preview(s[8])}, not 005010X221A1: it is read with the 005010X221A1 rules.");
                break;
            case GE:
                CheckCount("GE", "GE01", _transactions, "transactions");
                CheckControl("GE", "GE02", _gs06, "GS06");
                _inGroup = false;
                _groups++;
                break;
            case IEA:
                if (_inGroup) Warn("IEA", "", "The interchange ends (IEA) inside a functional group that has no GE.");
                CheckCount("IEA", "IEA01", _groups, "functional groups");
                CheckControl("IEA", "IEA02", _isa13, "ISA13");
                _inInterchange = _inGroup = false;
                break;
            case 0:
                Warn("", "", "Bytes that are not a segment, outside any transaction, were skipped.");
                break;
            default:
                Warn(codes.Get(s[0]), "", "This segment is outside any transaction (ST..SE) and was skipped.");
                break;
        }
    }

    internal void Finish()
    {
        if (_inGroup) Warn("GS", "", "The file ends inside a functional group: its GE is missing.");
        if (_inInterchange) Warn("ISA", "", "The file ends inside an interchange: its IEA is missing.");
    }

    private void CheckCount(string id, string field, int actual, string what)
    {
        if (X12Values.TryInt(s[1], out var declared) && declared == actual) return;
        Warn(id, field, $"{field} says {X12Values.Preview(s[1])} {what} but there are {actual}.");
    }

    private void CheckControl(string id, string field, string expected, string other)
    {
        var actual = X12Values.Text(s[2]);
        if (actual == expected) return;
        Warn(id, field, $"{field} ({actual}) does not match {other} ({expected}).");
    }

    private void Warn(string id, string field, string message)
    {
        if (warnings.Count > MaxWarnings) return;
        warnings.Add(warnings.Count == MaxWarnings
            ? s.Issue(id, "", "Too many envelope problems; the rest are not listed.")
            : s.Issue(id, field, message));
    }
}
