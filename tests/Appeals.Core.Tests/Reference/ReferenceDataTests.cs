using System.Globalization;
using Appeals.Core.Reference;
using CsvHelper;
using CsvHelper.Configuration;

namespace Appeals.Core.Tests.Reference;

public sealed class ReferenceDataTests
{
    public static TheoryData<string> EmbeddedFiles() =>
    [
        ReferenceData.CarcCategories, ReferenceData.RarcCodes, ReferenceData.GroupCodes, ReferenceData.AppealLevels,
        ReferenceData.AppealLetterElements, ReferenceData.DenialBenchmarks,
    ];

    /// <summary>The reader without CsvHelper (ADR 0146) reads each embedded file field for field as CsvHelper does.</summary>
    [Theory]
    [MemberData(nameof(EmbeddedFiles))]
    public void ReadRows_ReadsEveryFieldAsCsvHelperDoes(string fileName)
    {
        var expected = ReadWithCsvHelper(fileName);
        var header = expected[0];
        var rows = ReferenceData.ReadRows(fileName);

        Assert.Equal(expected.Count - 1, rows.Count);
        Assert.True(rows.Count > 0);
        for (var r = 0; r < rows.Count; r++)
            for (var c = 0; c < header.Length; c++)
                Assert.Equal(expected[r + 1][c], rows[r][header[c].Replace("_", "", StringComparison.Ordinal).ToLowerInvariant()]);
    }

    [Fact]
    public void ParseCsv_HandlesQuotesDoubledQuotesLineEndsAndBlankLines()
    {
        var records = ReferenceData.ParseCsv("a,b,c\r\n1,\"x, \"\"y\"\"\nz\",3\n\n4,,\"\"\n5,6");

        Assert.Equal(4, records.Count);
        Assert.Equal(["a", "b", "c"], records[0]);
        Assert.Equal(["1", "x, \"y\"\nz", "3"], records[1]);
        Assert.Equal(["4", "", ""], records[2]);
        Assert.Equal(["5", "6"], records[3]);
    }

    [Fact]
    public void ReferenceRow_MissingColumnOrField_IsEmpty()
    {
        var rows = ReferenceData.ReadRows(ReferenceData.RarcCodes);

        Assert.Equal("", rows[0]["nosuchcolumn"]);
        Assert.Equal("M1", rows[0]["rarc"]);
    }

    private static List<string[]> ReadWithCsvHelper(string fileName)
    {
        using var reader = new StreamReader(ReferenceData.Open(fileName));
        using var csv = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        var records = new List<string[]>();
        while (csv.Read()) records.Add(csv.Record!);
        return records;
    }
}
