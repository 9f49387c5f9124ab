using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Appeals.Core.Contracts;

/// <summary>A rate as the contract CSV gives it, with the line it came from.</summary>
public sealed record ContractRow(int Line, string PayerId, string ProcedureCode, string Modifier, decimal AllowedAmount,
    DateOnly EffectiveFrom, DateOnly? EffectiveTo, string BaseSchedule = "", decimal? PercentOfBase = null);

/// <summary>One refused row of a contract CSV: where (line, column) and why.</summary>
public sealed record ContractRowError(int Line, string Column, string Message)
{
    public override string ToString() => $"line {Line}, column {Column}: {Message}";
}

/// <summary>
/// Reads the contract CSV of issue 16 (<c>payer_id,procedure_code,modifier,allowed_amount,effective_from,effective_to</c>,
/// UTF-8, header, RFC 4180), with two optional columns <c>base_schedule,percent_of_base</c> for a rate that is a percentage of a
/// named base schedule (allowed_amount then empty; procedure code <c>*</c> for every code of the base). Every bad row is reported with its line and column, not just the first, so that a fee
/// schedule is fixed in one pass; a file with any error is refused whole by <see cref="ContractImporter"/>.
/// </summary>
public static class ContractCsv
{
    public static readonly string[] Columns = ["payer_id", "procedure_code", "modifier", "allowed_amount", "effective_from", "effective_to"];

    /// <summary>Optional columns: a rate as a percentage of a named base schedule.</summary>
    public static readonly string[] BaseColumns = ["base_schedule", "percent_of_base"];

    /// <summary>At most this many errors are collected; a file with more is wrong in some systematic way.</summary>
    public const int MaxErrors = 100;

    private const string DateFormat = "yyyy-MM-dd";

    public static (List<ContractRow> Rows, List<ContractRowError> Errors) Read(TextReader text)
    {
        var rows = new List<ContractRow>();
        var errors = new List<ContractRowError>();
        using var csv = new CsvReader(text, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            BadDataFound = null, DetectColumnCountChanges = false, IgnoreBlankLines = true,
        });
        if (!csv.Read() || !csv.ReadHeader())
        {
            errors.Add(new ContractRowError(1, "(header)", "the file is empty"));
            return (rows, errors);
        }
        var header = csv.HeaderRecord ?? [];
        var index = new int[Columns.Length];
        for (var c = 0; c < Columns.Length; c++)
        {
            index[c] = Array.FindIndex(header, h => string.Equals(h.Trim(), Columns[c], StringComparison.OrdinalIgnoreCase));
            if (index[c] < 0) errors.Add(new ContractRowError(1, Columns[c], "the header lacks this column"));
        }
        if (errors.Count > 0) return (rows, errors);
        var optional = BaseColumns.Select(name => Array.FindIndex(header, h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase))).ToArray();

        while (csv.Read() && errors.Count < MaxErrors)
        {
            var line = csv.Parser.RawRow;
            var before = errors.Count;
            string Field(int column) => index[column] < csv.Parser.Count ? (csv.GetField(index[column]) ?? "").Trim() : "";
            string Optional(int column) => optional[column] >= 0 && optional[column] < csv.Parser.Count ? (csv.GetField(optional[column]) ?? "").Trim() : "";
            void Error(int column, string message) => errors.Add(new ContractRowError(line, Columns[column], message));
            void BaseError(int column, string message) => errors.Add(new ContractRowError(line, BaseColumns[column], message));

            if (csv.Parser.Count < header.Length)
            {
                errors.Add(new ContractRowError(line, header[csv.Parser.Count], $"the row has {csv.Parser.Count} fields, the header {header.Length}"));
                continue;
            }
            var payer = Field(0);
            if (payer.Length == 0) Error(0, "empty: the payer's identifier as the 835 gives it (N1*PR N104, else N102)");
            else if (payer.Length > 80) Error(0, "longer than 80 characters");
            var code = Field(1);
            if (code.Length == 0) Error(1, "empty: a procedure code is required");
            else if (code.Length > 48) Error(1, "longer than 48 characters");
            var modifier = Field(2).ToUpperInvariant();
            if (modifier.Length is not (0 or 2)) Error(2, $"'{modifier}' is not a two-character modifier (leave it empty for any modifier)");
            var amountText = Field(3);
            var baseSchedule = Optional(0);
            var percentText = Optional(1);
            decimal amount = 0;
            decimal? percent = null;
            if (baseSchedule.Length > 0 || percentText.Length > 0)
            {
                if (amountText.Length > 0) Error(3, "give allowed_amount or base_schedule with percent_of_base, not both");
                if (baseSchedule.Length == 0) BaseError(0, "empty: the name of the base schedule the percentage is of");
                else if (baseSchedule.Length > 80) BaseError(0, "longer than 80 characters");
                if (!decimal.TryParse(percentText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var p) || p <= 0 || p > 1000)
                    BaseError(1, $"'{percentText}' is not a percentage above 0 and at most 1000 (e.g. 110 for 110 %)");
                else if (decimal.Round(p, 3) != p) BaseError(1, $"'{percentText}' has more than three decimals");
                else percent = p;
            }
            else if (!decimal.TryParse(amountText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount))
                Error(3, $"'{amountText}' is not an amount (digits and a decimal point, e.g. 125.40)");
            else if (decimal.Round(amount, 2) != amount) Error(3, $"'{amountText}' has more than two decimals");
            if (code == PayerContract.AnyCode && percent is null && baseSchedule.Length == 0)
                Error(1, "'*' (every code) is for a percentage of a base schedule only");
            var fromText = Field(4);
            if (!DateOnly.TryParseExact(fromText, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
                Error(4, $"'{fromText}' is not a date in the form YYYY-MM-DD");
            var toText = Field(5);
            DateOnly? to = null;
            if (toText.Length > 0)
            {
                if (!DateOnly.TryParseExact(toText, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
                    Error(5, $"'{toText}' is not a date in the form YYYY-MM-DD (or empty: open-ended)");
                else if (errors.Count == before && t < from) Error(5, $"{toText} is before effective_from {fromText}");
                else to = t;
            }
            if (errors.Count == before)
                rows.Add(new ContractRow(line, payer, code, modifier, amount, from, to, baseSchedule, percent));
        }
        return (rows, errors);
    }

    /// <summary>Writes rates in the CSV format (UTF-8 without BOM, header, RFC 4180).</summary>
    public static void Write(string path, IEnumerable<ContractRow> rows)
    {
        using var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        var all = rows.ToList();
        var withBase = all.Any(r => r.PercentOfBase is not null);
        foreach (var column in withBase ? [.. Columns, .. BaseColumns] : Columns) csv.WriteField(column);
        csv.NextRecord();
        foreach (var r in all)
        {
            csv.WriteField(r.PayerId);
            csv.WriteField(r.ProcedureCode);
            csv.WriteField(r.Modifier);
            csv.WriteField(r.PercentOfBase is null ? r.AllowedAmount.ToString("0.00", CultureInfo.InvariantCulture) : "");
            csv.WriteField(r.EffectiveFrom.ToString(DateFormat, CultureInfo.InvariantCulture));
            csv.WriteField(r.EffectiveTo?.ToString(DateFormat, CultureInfo.InvariantCulture) ?? "");
            if (withBase)
            {
                csv.WriteField(r.BaseSchedule);
                csv.WriteField(r.PercentOfBase?.ToString("0.###", CultureInfo.InvariantCulture) ?? "");
            }
            csv.NextRecord();
        }
    }
}
