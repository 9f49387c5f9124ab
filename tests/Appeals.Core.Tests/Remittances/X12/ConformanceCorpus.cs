using System.Text.Json;

namespace Appeals.Core.Tests.Remittances.X12;

/// <summary>
/// Finds the shared 835 corpus (never copied into the project: its licences differ) and reads
/// EXPECTED.tsv, the facts an independent scanner read off each file.
/// </summary>
internal static class ConformanceCorpus
{
    /// <summary>APPEALS_SHARED_DATA/835 when set, else ../shared/data/835 beside the folder holding Appeals.sln.</summary>
    internal static string? Folder { get; } = Locate();

    internal static string MissingReason =>
        "The 835 conformance corpus was not found: set APPEALS_SHARED_DATA to the folder holding 835/, "
        + "or put it at ../shared/data/835 relative to the repository root.";

    private static string? Locate()
    {
        var overridden = Environment.GetEnvironmentVariable("APPEALS_SHARED_DATA");
        if (!string.IsNullOrEmpty(overridden))
        {
            var candidate = Directory.Exists(Path.Combine(overridden, "835")) ? Path.Combine(overridden, "835") : overridden;
            return File.Exists(Path.Combine(candidate, "EXPECTED.tsv")) ? candidate : null;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Appeals.sln"))) continue;
            var folder = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "835"));
            return File.Exists(Path.Combine(folder, "EXPECTED.tsv")) ? folder : null;
        }
        return null;
    }

    /// <summary>The placeholder row of <see cref="Files"/> when the corpus is absent: the test then skips with <see cref="MissingReason"/>.</summary>
    internal const string NoCorpus = "(corpus not found)";

    /// <summary>Every corpus file as theory rows; one placeholder row when there is no corpus (a theory with no rows fails for the wrong reason).</summary>
    internal static TheoryData<string> Files()
    {
        var files = ReadExpected().Select(e => e.File).ToList();
        return files.Count == 0 ? new TheoryData<string>(NoCorpus) : new TheoryData<string>(files);
    }

    internal static bool IsNegative(string file) =>
        file.Contains("NEG", StringComparison.Ordinal) || file == "pyx12__x12testdata_bad_header_looping_source.txt";

    internal static IEnumerable<ExpectedFacts> ReadExpected()
    {
        if (Folder is null) yield break;
        var lines = File.ReadAllLines(Path.Combine(Folder, "EXPECTED.tsv"));
        var header = Split(lines[0]);
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var cells = Split(line);
            var row = header.Select((name, i) => (name, value: i < cells.Length ? cells[i] : ""))
                .ToDictionary(c => c.name, c => c.value);
            yield return new ExpectedFacts(row);
        }
    }

    private static string[] Split(string line) =>
        line.Split('\t').Select(c => c.Length >= 2 && c[0] == '"' && c[^1] == '"' ? c[1..^1].Replace("\"\"", "\"") : c).ToArray();
}

/// <summary>One EXPECTED.tsv row, typed.</summary>
internal sealed record ExpectedFacts(IReadOnlyDictionary<string, string> Row)
{
    public string File => Row["file"];
    public int Int(string column) => int.Parse(Row[column], System.Globalization.CultureInfo.InvariantCulture);
    public decimal Decimal(string column) => decimal.Parse(Row[column], System.Globalization.CultureInfo.InvariantCulture);
    public bool Flag(string column) => Row[column] == "1";
    public string Text(string column) => Row[column];

    public IReadOnlyDictionary<int, int> StatusCounts =>
        JsonSerializer.Deserialize<Dictionary<string, int>>(Row["clp_status_counts"])!
            .ToDictionary(p => int.Parse(p.Key, System.Globalization.CultureInfo.InvariantCulture), p => p.Value);
}
