using Appeals.Core.Exports;

namespace Appeals.Core.Tests.Exports;

public sealed class SpreadsheetSafeCsvWriterTests
{
    private static string Write(params string[] fields)
    {
        using var text = new StringWriter();
        using (var csv = new SpreadsheetSafeCsvWriter(text, leaveOpen: true))
        {
            foreach (var field in fields) csv.WriteField(field);
            csv.NextRecord();
        }
        return text.ToString().TrimEnd('\r', '\n');
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.test\",\"x\")", "\"'=HYPERLINK(\"\"http://evil.test\"\",\"\"x\"\")\"")]
    [InlineData("@SUM(1+1)", "\"'@SUM(1+1)\"")]
    [InlineData("+1+cmd|' /C calc'!A0", "\"'+1+cmd|' /C calc'!A0\"")]
    [InlineData("-2+3", "\"'-2+3\"")]
    [InlineData("\t=1", "\"'\t=1\"")]
    public void FormulaCells_AreWrittenAsText(string cell, string written) => Assert.Equal(written, Write(cell));

    [Theory]
    [InlineData("-12.50")]
    [InlineData("+3")]
    [InlineData("Blue Cross")]
    [InlineData("2026-01-02")]
    public void NumbersAndPlainText_AreLeftAlone(string cell) => Assert.Equal(cell, Write(cell));
}
