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

    internal static CsvConfiguration CsvConfiguration { get; } = new(CultureInfo.InvariantCulture)
    {
        PrepareHeaderForMatch = args => args.Header.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant(),
        MissingFieldFound = null,
        HeaderValidated = null,
    };
}
