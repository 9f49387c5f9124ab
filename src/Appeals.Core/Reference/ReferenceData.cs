using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Appeals.Core.Reference;

/// <summary>Opens the reference CSV files embedded in this assembly (see Reference/README.md).</summary>
public static class ReferenceData
{
    public const string CarcCategories = "carc_category.csv";
    public const string RarcCodes = "rarc_codes.csv";
    public const string GroupCodes = "group_codes.csv";
    public const string AppealLevels = "appeal_levels.csv";
    public const string AppealLetterElements = "appeal_letter_elements.csv";
    public const string DenialBenchmarks = "denial_benchmarks.csv";

    /// <summary>Opens one embedded reference file by its file name.</summary>
    public static Stream Open(string fileName) =>
        typeof(ReferenceData).Assembly.GetManifestResourceStream($"Appeals.Core.Reference.{fileName}")
        ?? throw new InvalidOperationException($"Reference file {fileName} is not embedded in Appeals.Core.");

    /// <summary>Reads every row of an embedded reference file as records of T (headers matched by name, snake_case allowed).</summary>
    public static IReadOnlyList<T> ReadAll<T>(string fileName)
    {
        using var reader = new StreamReader(Open(fileName));
        using var csv = new CsvReader(reader, CsvConfiguration);
        return csv.GetRecords<T>().ToList();
    }

    /// <summary>
    /// Every row of an embedded reference file, by column name (lower case, underscores dropped, as <see cref="ReadAll{T}"/>
    /// matches headers), read without CsvHelper (ADR 0146): the files every command's start reads (the CARC map, the RARC list)
    /// would otherwise load CsvHelper and compile its record mappers as expression trees, a fixed cost in each process.
    /// RFC 4180: fields may be quoted, a quote in a quoted field is doubled; blank lines are skipped.
    /// </summary>
    internal static IReadOnlyList<ReferenceRow> ReadRows(string fileName)
    {
        string text;
        using (var reader = new StreamReader(Open(fileName))) text = reader.ReadToEnd();
        var records = ParseCsv(text);
        if (records.Count == 0) return [];
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < records[0].Length; i++)
            columns.TryAdd(MatchName(records[0][i]), i);
        return records.Skip(1).Select(fields => new ReferenceRow(columns, fields)).ToList();
    }

    /// <summary>The records of a CSV text, each as its fields.</summary>
    internal static List<string[]> ParseCsv(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        bool quoted = false, any = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"') field.Append(text[++i]);
                else quoted = false;
                continue;
            }
            switch (c)
            {
                case '"':
                    quoted = any = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    any = true;
                    break;
                case '\r' or '\n':
                    if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                    EndRecord();
                    break;
                default:
                    field.Append(c);
                    any = true;
                    break;
            }
        }
        EndRecord();
        return records;

        void EndRecord()
        {
            if (any)
            {
                fields.Add(field.ToString());
                records.Add([.. fields]);
            }
            fields.Clear();
            field.Clear();
            any = false;
        }
    }

    /// <summary>How a header names its column for both readers: lower case, underscores dropped.</summary>
    private static string MatchName(string header) => header.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();

    internal static CsvConfiguration CsvConfiguration { get; } = new(CultureInfo.InvariantCulture)
    {
        PrepareHeaderForMatch = args => MatchName(args.Header),
        MissingFieldFound = null,
        HeaderValidated = null,
    };
}

/// <summary>One row of a reference file read by <see cref="ReferenceData.ReadRows"/>: its fields by normalised column name.</summary>
internal sealed class ReferenceRow(IReadOnlyDictionary<string, int> columns, string[] fields)
{
    /// <summary>The field of <paramref name="column"/> (lower case, no underscores); empty when the row or the file lacks it.</summary>
    internal string this[string column] => columns.TryGetValue(column, out var i) && i < fields.Length ? fields[i] : "";
}
