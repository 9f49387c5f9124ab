using System.Text.Json;
using Appeals.Cli.Cases;
using Appeals.Cli.Common;
using Appeals.Core.Denials;
using Appeals.Core.Imports;

namespace Appeals.Cli.Tests.Common;

/// <summary>The shapes generated at build time (ADR 0146) write exactly what the reflection-based serializer wrote before.</summary>
public sealed class CliJsonContextTests
{
    [Fact]
    public void ImportSummary_GeneratedShape_WritesWhatReflectionWrites()
    {
        var summary = new ImportSummary
        {
            Files = 3, Imported = 1, Duplicates = 1, Rejected = 1, PartlyImported = 1, Transactions = 7, Claims = 1234,
            ServiceLines = 2345, Adjustments = 3456, DenialCases = 12, DeniedAmount = 1234.50m, ChargedAmount = 0.10m,
            PaidAmount = -12.345m,
            Warnings = ["a.835: segment 4 (CLP CLP02) at byte 120: CLP02, the claim status, is missing.", "quote \" and <tag> & é"],
            Errors = [new ImportError("b.835", 9, 301, "The transaction 0001 has no SE: it is cut off here.")],
        };

        var generated = JsonSerializer.Serialize(summary, CliJsonContext.Default.ImportSummary);

        Assert.Equal(JsonSerializer.Serialize(summary, JsonOutput.Options), generated);
        Assert.Equal(1234, JsonDocument.Parse(generated).RootElement.GetProperty("claims").GetInt32());
    }

    [Fact]
    public void ImportSummary_Empty_WritesWhatReflectionWrites() =>
        Assert.Equal(JsonSerializer.Serialize(new ImportSummary(), JsonOutput.Options),
            JsonSerializer.Serialize(new ImportSummary(), CliJsonContext.Default.ImportSummary));

    [Fact]
    public void CaseList_GeneratedShape_WritesWhatTheAnonymousShapeWrote()
    {
        List<CaseRow> rows =
        [
            new(1, CaseKinds.Denial, "Payer A", "PCN1", "PCC1", "authorization_referral", 100.25m, 0, DenialCaseStatus.Open,
                0.42, 42.1m, 17.5m, "why") { TakenBackAmount = 0 },
            new(2, CaseKinds.Underpayment, "Payer \"B\"", "PCN2", "", "contractual_pricing", 10, 5, DenialCaseStatus.Appealed,
                null, null, 0, "") { ShortfallAmount = 10, TakenBackAmount = 2.5m },
        ];

        var generated = JsonSerializer.Serialize(new CaseList(rows.Count, rows), CliJsonContext.Default.CaseList);

        Assert.Equal(JsonSerializer.Serialize(new { count = rows.Count, cases = rows }, JsonOutput.Options), generated);
        var first = JsonDocument.Parse(generated).RootElement.GetProperty("cases")[0];
        Assert.Equal("open", first.GetProperty("status").GetString());
        Assert.False(first.TryGetProperty("shortfallAmount", out _));
    }
}
