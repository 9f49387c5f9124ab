using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Appeals.Core.Exports;

/// <summary>
/// The CSV writer of every file Appeals writes (issue 14 item 3): a cell that a spreadsheet would run as a formula (one
/// starting with <c>=</c>, <c>@</c>, <c>+</c>, <c>-</c>, a tab or a carriage return, as a payer name, claim number or note
/// from an 835 or a user may) is written with a leading apostrophe (CsvHelper's <see cref="InjectionOptions.Escape"/>), so
/// Excel, Calc and Sheets show it as text. A plain number such as <c>-12.50</c> is left alone: a spreadsheet reads it as a
/// number and never as a formula, and exports of adjustments carry negative amounts.
/// </summary>
public sealed class SpreadsheetSafeCsvWriter(TextWriter writer, bool leaveOpen = false)
    : CsvWriter(writer, EscapeFormulas, leaveOpen)
{
    private static readonly CsvConfiguration EscapeFormulas = new(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape };

    protected override string? SanitizeForInjection(string? field) =>
        IsPlainNumber(field) ? field! : base.SanitizeForInjection(field);

    private static bool IsPlainNumber(string? field) =>
        !string.IsNullOrEmpty(field) && decimal.TryParse(field, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);
}
