using System.Globalization;
using Appeals.Core.Remittances.X12.Validation;

namespace Appeals.Core.Tests.Remittances.X12.Validation;

/// <summary>
/// Every finding on every file of the shared corpus, against corpus-findings.tsv beside this file (each
/// line read against its file when it was written; the closing note of issue 12 says which real files
/// break which rules). Messages are words and may be reworded: the file pins where, which rule, which severity.
/// </summary>
public class CorpusFindingsTests
{
    public static TheoryData<string> CorpusFiles() => ConformanceCorpus.Files();

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Validate_CorpusFile_FindsExactlyTheExpectedFindings(string file)
    {
        Assert.SkipWhen(file == ConformanceCorpus.NoCorpus, ConformanceCorpus.MissingReason);
        using var stream = File.OpenRead(Path.Combine(ConformanceCorpus.Folder!, file));
        var actual = FileValidation.Read(stream, file).Findings.Select(Line).ToList();
        var expected = Expected().Where(l => l.StartsWith(file + "\t", StringComparison.Ordinal)).ToList();
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Validate_CorpusFileThatImportsToday_IsRefusedOnlyAsTheNegativeFilesAre(string file)
    {
        Assert.SkipWhen(file == ConformanceCorpus.NoCorpus, ConformanceCorpus.MissingReason);
        using var stream = File.OpenRead(Path.Combine(ConformanceCorpus.Folder!, file));
        var result = FileValidation.Read(stream, file);
        // No positive corpus file is refused by a rule of the table: what imported before still imports (ADR 0076).
        if (!ConformanceCorpus.IsNegative(file)) Assert.Equal(0, result.RefusedTransactions);
    }

    private static string Line(ValidationFinding f) =>
        string.Join('\t', f.File, f.Segment.ToString(CultureInfo.InvariantCulture), f.Offset.ToString(CultureInfo.InvariantCulture),
            f.SegmentId, f.Element, f.Rule, f.Severity);

    private static IEnumerable<string> Expected()
    {
        var here = ReaderFixtures.PathOf(Path.Combine("..", "X12", "Validation", "corpus-findings.tsv"));
        return File.ReadLines(here).Skip(1).Where(l => l.Length > 0 && !l.StartsWith('#'));
    }
}
