using Appeals.Core.Imports;

namespace Appeals.Core.Remittances.X12;

/// <summary>Service lines (SVC), including the two broken SVC01 composites real files carry, and the value helpers.</summary>
internal sealed partial class TransactionBuilder
{
    private void Svc()
    {
        if (_claim is null)
        {
            Error(0, "SVC comes before any CLP: a service line must belong to a claim.");
            return;
        }
        _counts.ServiceLines++;
        var composite = _s[1];
        var component = _s.Separators.Component;
        var shift = 0;
        if (composite.IndexOf(component) < 0)
        {
            var other = IndexOfSeparatorLike(composite);
            if (other >= 0)
            {
                component = composite[other];
                Warn(1, $"SVC01 separates its parts with '{(char)component}' where ISA16 says '{(char)_s.Separators.Component}'; read with '{(char)component}'.");
            }
            else if (composite.Length == 2 && _s.Count >= 5 && X12Values.TryDecimal(_s[3], out _) && X12Values.TryDecimal(_s[4], out _))
            {
                // SVC*HC*24599*1766.50*187.50: the code was written after an element separator, shifting every field.
                shift = 1;
                Warn(1, "SVC01 holds only the qualifier: the procedure code was written as SVC02, so the fields are read shifted by one.");
            }
            else Warn(1, "SVC01 has no procedure code.");
        }
        var line = _counted?.NextLine(_scratch.Lines.Count + 1) ?? new ServiceLine { ClaimPaymentId = 0, LineNumber = _scratch.Lines.Count + 1 };
        if (shift == 1)
        {
            line.ProcedureQualifier = _codes.Get(composite);
            line.ProcedureCode = _codes.Get(_s[2]);
        }
        else ReadProcedure(line, composite, component);
        line.ChargeAmount = RequiredAmount(2 + shift);
        line.PaidAmount = RequiredAmount(3 + shift);
        line.RevenueCode = _codes.Get(_s[4 + shift]);
        line.Units = OptionalAmount(5 + shift) ?? 1;
        _scratch.Lines.Add(line);
        _line = line;
    }

    /// <summary>SVC01-1 qualifier, SVC01-2 code, SVC01-3..6 modifiers (kept joined by ':'); SVC01-7 is a description and is dropped.</summary>
    private void ReadProcedure(ServiceLine line, ReadOnlySpan<byte> composite, byte component)
    {
        var first = composite.IndexOf(component);
        if (first < 0)
        {
            line.ProcedureQualifier = _codes.Get(composite);
            return;
        }
        line.ProcedureQualifier = _codes.Get(composite[..first]);
        var rest = composite[(first + 1)..];
        var second = rest.IndexOf(component);
        if (second < 0)
        {
            line.ProcedureCode = _codes.Get(rest);
            return;
        }
        line.ProcedureCode = _codes.Get(rest[..second]);
        var modifiers = rest[(second + 1)..];
        var end = 0;
        for (var parts = 0; end < modifiers.Length; end++)
            if (modifiers[end] == component && ++parts == 4) break;
        var text = _codes.Get(modifiers[..end]);
        line.Modifiers = component == ':' ? text : text.Replace((char)component, ':');
    }

    private static int IndexOfSeparatorLike(ReadOnlySpan<byte> composite)
    {
        for (var i = 0; i < composite.Length; i++)
        {
            var b = composite[i];
            if (!X12Separators.IsAlphaNumeric(b) && b is not ((byte)' ' or (byte)'-' or (byte)'.')) return i;
        }
        return -1;
    }

    /// <summary>An amount the guide requires: empty reads as 0 with a warning (truncated segments exist in real files), garbage is an error.</summary>
    private decimal RequiredAmount(int element)
    {
        var value = _s[element];
        if (value.IsEmpty)
        {
            Warn(element, $"{Field(element)}, an amount, is missing; read as 0.");
            return 0;
        }
        return Amount(value, element);
    }

    /// <summary>A present amount: garbage is an error (read as 0 so the rest of the transaction can still be checked).</summary>
    private decimal Amount(ReadOnlySpan<byte> value, int element)
    {
        if (X12Values.TryDecimal(value, out var amount)) return amount;
        Error(element, $"{Field(element)} ({X12Values.Preview(value)}) is not an amount.");
        return 0;
    }

    private decimal MissingAmount(int element)
    {
        Error(element, $"{Field(element)}, the amount, is missing.");
        return 0;
    }

    private decimal? OptionalAmount(int element)
    {
        var value = _s[element];
        if (value.IsEmpty) return null;
        if (X12Values.TryDecimal(value, out var amount)) return amount;
        Error(element, $"{Field(element)} ({X12Values.Preview(value)}) is not a number.");
        return null;
    }

    /// <summary>A bad date is a warning, not a refusal: guide examples carry dates like 20002316, and dates are not money.</summary>
    private DateOnly? Date(int element)
    {
        var value = _s[element];
        if (value.IsEmpty) return null;
        if (X12Values.TryDate(value, out var date, out var year) && year is >= 1900 and <= 2099) return date;
        Warn(element, $"{Field(element)} ({X12Values.Preview(value)}) is not a valid date (CCYYMMDD); it is left empty.");
        return null;
    }

    private string SegmentId => _s.Id == 0 ? "" : _codes.Get(_s[0]);

    private string Field(int element) => element <= 0 ? "" : $"{SegmentId}{element:D2}";

    private void Warn(int element, string message) => Add(_warnings, element, message);

    private void Error(int element, string message) => Add(_errors, element, message);

    private void Add(List<ImportIssue> issues, int element, string message)
    {
        if (issues.Count > MaxIssues) return;
        issues.Add(issues.Count == MaxIssues
            ? _s.Issue(SegmentId, "", "Too many problems in this transaction; the rest are not listed.")
            : _s.Issue(SegmentId, Field(element), message));
    }
}
