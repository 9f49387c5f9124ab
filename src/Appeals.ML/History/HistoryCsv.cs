using System.Globalization;
using Appeals.Core.Exports;
using Appeals.Core.Remittances;
using CsvHelper.Configuration;
using CsvHelper;

namespace Appeals.ML.History;

/// <summary>
/// Reads and writes the history CSV of DESIGN.md. Every row is either read whole or refused with its
/// line and column: a bad row is never dropped silently, because a missing row would be a missing score.
/// </summary>
public static class HistoryCsv
{
    public static readonly string[] Columns =
    [
        "denial_id", "payer_id", "payer_type", "group_code", "carc", "rarc", "procedure_code", "provider_id",
        "place_of_service", "billed_amount", "denied_amount", "service_date", "remit_date", "outcome", "recovered_amount",
    ];

    public const string Recovered = "recovered";
    public const string NotRecovered = "not_recovered";
    private const string DateFormat = "yyyy-MM-dd";

    /// <summary>Reads a whole file. With <paramref name="requireOutcome"/>, rows without an outcome are refused (training data).</summary>
    public static List<HistoryRecord> Read(string path, bool requireOutcome)
    {
        using var reader = new StreamReader(path);
        return Read(reader, Path.GetFileName(path), requireOutcome);
    }

    public static List<HistoryRecord> Read(TextReader text, string fileName, bool requireOutcome)
    {
        using var csv = new CsvReader(text, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, DetectColumnCountChanges = false });
        if (!csv.Read() || !csv.ReadHeader())
            throw new HistoryFormatException(fileName, 1, "(header)", "the file is empty");
        var header = csv.HeaderRecord ?? [];
        var index = new int[Columns.Length];
        for (var c = 0; c < Columns.Length; c++)
        {
            index[c] = Array.FindIndex(header, h => string.Equals(h.Trim(), Columns[c], StringComparison.OrdinalIgnoreCase));
            if (index[c] < 0) throw new HistoryFormatException(fileName, 1, Columns[c], "the header lacks this column");
        }
        var rows = new List<HistoryRecord>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (csv.Read())
        {
            if (csv.Parser.Count < header.Length)
                throw new HistoryFormatException(fileName, csv.Parser.RawRow, header[csv.Parser.Count],
                    $"the row has {csv.Parser.Count} fields, the header {header.Length}");
            var row = new RowReader(csv, fileName, index);
            var record = row.ToRecord(requireOutcome);
            if (!ids.Add(record.DenialId)) throw row.Error(0, $"denial_id {record.DenialId} appears twice");
            rows.Add(record);
        }
        return rows;
    }

    /// <summary>Writes rows in the DESIGN.md format (outcome and recovered_amount empty when unknown).</summary>
    public static void Write(string path, IEnumerable<HistoryRecord> rows)
    {
        using var writer = new StreamWriter(path, false, new System.Text.UTF8Encoding(false));
        Write(writer, rows);
    }

    public static void Write(TextWriter text, IEnumerable<HistoryRecord> rows)
    {
        using var csv = new SpreadsheetSafeCsvWriter(text, leaveOpen: true);
        foreach (var column in Columns) csv.WriteField(column);
        csv.NextRecord();
        foreach (var r in rows)
        {
            csv.WriteField(r.DenialId); csv.WriteField(r.PayerId); csv.WriteField(r.PayerType); csv.WriteField(r.GroupCode);
            csv.WriteField(r.Carc); csv.WriteField(string.Join(';', r.Rarcs)); csv.WriteField(r.ProcedureCode);
            csv.WriteField(r.ProviderId); csv.WriteField(r.PlaceOfService);
            csv.WriteField(r.BilledAmount.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(r.DeniedAmount.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(r.ServiceDate.ToString(DateFormat, CultureInfo.InvariantCulture));
            csv.WriteField(r.RemitDate.ToString(DateFormat, CultureInfo.InvariantCulture));
            csv.WriteField(r.Recovered switch { true => Recovered, false => NotRecovered, null => "" });
            csv.WriteField(r.RecoveredAmount?.ToString(CultureInfo.InvariantCulture) ?? "");
            csv.NextRecord();
        }
    }

    /// <summary>Parses the fields of the current row, naming the column of the first bad one.</summary>
    private readonly struct RowReader(CsvReader csv, string file, int[] index)
    {
        public HistoryFormatException Error(int column, string problem) =>
            new(file, csv.Parser.RawRow, Columns[column], problem);

        private string Field(int column) => (csv.TryGetField<string>(index[column], out var v) ? v : null)?.Trim() ?? "";

        private string Required(int column)
        {
            var value = Field(column);
            return value.Length > 0 ? value : throw Error(column, "a value is required");
        }

        private decimal Amount(int column)
        {
            var text = Required(column);
            return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var v) && v >= 0
                ? v : throw Error(column, $"'{text}' is not a non-negative amount");
        }

        private DateOnly Date(int column)
        {
            var text = Required(column);
            return DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d : throw Error(column, $"'{text}' is not a date in yyyy-MM-dd");
        }

        public HistoryRecord ToRecord(bool requireOutcome)
        {
            var payerType = Required(2).ToLowerInvariant();
            if (!PayerTypes.All.Contains(payerType))
                throw Error(2, $"'{payerType}' is not one of {string.Join(", ", PayerTypes.All)}");
            var outcomeText = Field(13).ToLowerInvariant();
            bool? recovered = outcomeText switch
            {
                Recovered => true,
                NotRecovered => false,
                "" when !requireOutcome => null,
                "" => throw Error(13, "an outcome is required to train or evaluate"),
                _ => throw Error(13, $"'{outcomeText}' is not recovered or not_recovered"),
            };
            decimal? recoveredAmount = Field(14).Length == 0 ? null : Amount(14);
            return new HistoryRecord
            {
                DenialId = Required(0),
                PayerId = Required(1),
                PayerType = payerType,
                GroupCode = Required(3).ToUpperInvariant(),
                Carc = Required(4).ToUpperInvariant(),
                Rarcs = Field(5).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(r => r.ToUpperInvariant()).ToArray(),
                ProcedureCode = Field(6).ToUpperInvariant(),
                ProviderId = Field(7),
                PlaceOfService = Field(8),
                BilledAmount = Amount(9),
                DeniedAmount = Amount(10),
                ServiceDate = Date(11),
                RemitDate = Date(12),
                Recovered = recovered,
                RecoveredAmount = recoveredAmount,
            };
        }
    }
}
