using System.Text.Json;
using Appeals.Core.Denials;
using Appeals.Core.Tests.Builders;
using Microsoft.EntityFrameworkCore;
using static Appeals.Core.Tests.Builders.RemittanceBuilder;

namespace Appeals.Core.Tests.Denials;

/// <summary>
/// The status is an enum in code and its snake_case code everywhere outside it (database, rollup triggers, CLI, JSON):
/// the codes are the strings stored before it was an enum, so no stored row changed.
/// </summary>
public class DenialCaseStatusTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void EveryStatus_HasTheCodeStoredBeforeItWasAnEnum_AndReadsBackFromIt()
    {
        string[] stored = ["open", "in_progress", "appealed", "recovered", "partially_recovered", "upheld", "written_off", "closed"];

        Assert.Equal(stored, DenialCaseStatus.All.Select(s => s.Code));
        Assert.Equal(stored, DenialCaseStatus.Codes);
        Assert.All(DenialCaseStatus.All, s => Assert.Equal(s, DenialCaseStatus.FromCode(s.Code)));
        Assert.False(DenialCaseStatus.TryFromCode("InProgress", out _));
        Assert.False(DenialCaseStatus.TryFromCode(null, out _));
        Assert.Throws<FormatException>(() => DenialCaseStatus.FromCode("lost"));
    }

    [Fact]
    public void Closed_AreTheStatusesWhoseOutcomeIsKnown()
    {
        Assert.Equal([DenialCaseStatus.Recovered, DenialCaseStatus.PartiallyRecovered, DenialCaseStatus.Upheld, DenialCaseStatus.WrittenOff, DenialCaseStatus.Closed],
            DenialCaseStatus.All.Where(s => s.IsClosed));
    }

    [Fact]
    public void Json_WritesAndReadsTheCode()
    {
        var json = JsonSerializer.Serialize(new { status = DenialCaseStatus.PartiallyRecovered });

        Assert.Equal("""{"status":"partially_recovered"}""", json);
        Assert.Equal(DenialCaseStatus.WrittenOff, JsonSerializer.Deserialize<DenialCaseStatus>("\"written_off\""));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<DenialCaseStatus>("\"WrittenOff\""));
    }

    [Fact]
    public async Task Queries_CompareTheStoredCodesInSql()
    {
        await using var database = await TestDatabase.CreateAsync();
        var bed = new ImportBed(database);
        await bed.ImportAsync(bed.File("era.835", new[]
        {
            Remittance("TRACE-1",
                Claim("PCN-A", paid: 0m, charge: 100m, payerClaimNumber: "TRACE-1-1").WithLine("97110", 100m, 0m, ("CO", "197", 100m)),
                Claim("PCN-B", paid: 0m, charge: 80m, payerClaimNumber: "TRACE-1-2").WithLine("97110", 80m, 0m, ("CO", "197", 80m))),
        }));
        await using (var setup = database.Open())
        {
            var moved = await setup.DenialCases.SingleAsync(c => c.PatientControlNumber == "PCN-B", Ct);
            moved.StartWorkflow("appeal_letter", 1, "open", 1);
            setup.WorkflowTransitions.Add(moved.RecordMove("closed_upheld", DenialCaseStatus.Upheld, final: true, "open", "close", "test", "", DateTimeOffset.UtcNow));
            await setup.SaveChangesAsync(Ct);
        }
        await using var db = database.Open();
        var closed = DenialCaseStatus.All.Where(s => s.IsClosed).ToList();

        var open = db.DenialCases.Where(c => c.Status == DenialCaseStatus.Open).Select(c => c.PatientControlNumber);
        var done = db.DenialCases.Where(c => closed.Contains(c.Status)).Select(c => c.PatientControlNumber);

        TestContext.Current.TestOutputHelper?.WriteLine($"{open.ToQueryString()}\n\n{done.ToQueryString()}");
        // The constant is the code in the SQL; the list is a parameter of codes (SQLite json_each, PostgreSQL = ANY).
        Assert.Contains("'open'", open.ToQueryString());
        Assert.Contains("'partially_recovered'", done.ToQueryString());
        Assert.Equal(["PCN-A"], await open.ToListAsync(Ct));
        Assert.Equal(["PCN-B"], await done.ToListAsync(Ct));
        Assert.Equal(["open", "upheld"],
            await db.Database.SqlQueryRaw<string>("SELECT \"Status\" AS \"Value\" FROM \"DenialCases\" ORDER BY \"Id\"").ToListAsync(Ct));
    }
}
