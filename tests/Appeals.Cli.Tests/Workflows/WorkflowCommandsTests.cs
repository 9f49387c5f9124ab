using Appeals.Cli.Tests.Common;
using Appeals.Core.Audit;
using Appeals.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Cli.Tests.Workflows;

public sealed class WorkflowCommandsTests
{
    [Fact]
    public async Task DeadlinesList_AfterAnImport_ShowsEachOpenCaseDeadlineWithItsBasis()
    {
        using var temp = new TempFolder();
        await ImportDemo(temp);

        var run = await CliRun.RunAsync("deadlines", "list", "--due-within", "400", "--db", temp.ConnectionString, "--json");

        Assert.Equal(0, run.ExitCode);
        var cases = run.Json().GetProperty("cases").EnumerateArray().ToList();
        Assert.NotEmpty(cases);
        Assert.All(cases, c => Assert.False(string.IsNullOrEmpty(c.GetProperty("basis").GetString())));
        Assert.Contains(cases, c => c.GetProperty("deadline").ValueKind != System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task DeadlinesSweep_MarksThePassedDeadlinesMissed_AndASecondSweepFindsNothingLeft()
    {
        using var temp = new TempFolder();
        await ImportDemo(temp);
        const string Later = "2031-01-01"; // every demo deadline has passed by then
        var before = (await CliRun.RunAsync("deadlines", "list", "--due-within", "0", "--db", temp.ConnectionString, "--json", "--as-of", Later)).Json();
        var passed = before.GetProperty("cases").EnumerateArray().Count(c =>
            c.GetProperty("deadline").ValueKind != System.Text.Json.JsonValueKind.Null && !c.GetProperty("missed").GetBoolean());

        var first = await CliRun.RunAsync("deadlines", "sweep", "--db", temp.ConnectionString, "--json", "--as-of", Later);
        var second = (await CliRun.RunAsync("deadlines", "sweep", "--db", temp.ConnectionString, "--json", "--as-of", Later)).Json();
        var text = await CliRun.RunAsync("deadlines", "sweep", "--db", temp.ConnectionString, "--as-of", Later);
        var after = (await CliRun.RunAsync("deadlines", "list", "--due-within", "0", "--db", temp.ConnectionString, "--json", "--as-of", Later)).Json();

        Assert.Equal(0, first.ExitCode);
        Assert.True(passed > 0);
        Assert.Equal(Later, first.Json().GetProperty("today").GetString());
        Assert.Equal(passed, first.Json().GetProperty("missed").GetInt32());
        Assert.Equal((0, 0), (second.GetProperty("missed").GetInt32(), second.GetProperty("reminded").GetInt32()));
        Assert.Contains("0 marked missed", text.Output);
        Assert.All(after.GetProperty("cases").EnumerateArray().Where(c => c.GetProperty("deadline").ValueKind != System.Text.Json.JsonValueKind.Null),
            c => Assert.True(c.GetProperty("missed").GetBoolean()));
    }

    [Fact]
    public async Task CasesAdvance_MovesAnOpenCaseAuditedAsTheShellUser_AndRefusesAMoveItDoesNotAllowOrAnotherUsersName()
    {
        using var temp = new TempFolder();
        await ImportDemo(temp);
        var id = (await CliRun.RunAsync("cases", "list", "--status", "open", "--db", temp.ConnectionString, "--json"))
            .Json().GetProperty("cases")[0].GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var start = await CliRun.RunAsync("cases", "advance", id, "start", "--db", temp.ConnectionString, "--json");
        var bogus = await CliRun.RunAsync("cases", "advance", id, "not_a_trigger", "--db", temp.ConnectionString, "--json");
        var asSomeoneElse = await CliRun.RunAsync("cases", "advance", id, "request_write_off", "--user", "manager", "--manager", "--db", temp.ConnectionString, "--json");

        Assert.Equal(0, start.ExitCode);
        Assert.True(start.Json().GetProperty("moved").GetBoolean());
        Assert.NotEqual(start.Json().GetProperty("from").GetString(), start.Json().GetProperty("to").GetString());
        Assert.Equal(1, bogus.ExitCode);
        Assert.False(bogus.Json().GetProperty("moved").GetBoolean());
        Assert.False(string.IsNullOrEmpty(bogus.Json().GetProperty("message").GetString()));
        Assert.NotEqual(0, asSomeoneElse.ExitCode);
        await using var db = AppealsDatabase.CreateContext(DatabaseProvider.Sqlite, temp.ConnectionString, TestKeyRing.Protector);
        var moves = await db.AuditEntries.Where(e => e.Action == AuditActions.WorkflowMove && e.EntityId == id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal("cli:" + Environment.UserName, Assert.Single(moves).UserName);
        Assert.True((await new AuditLog(db, TimeProvider.System).VerifyAsync(TestContext.Current.CancellationToken)).Intact);
    }

    [Fact]
    public async Task LettersRender_WithoutTheAppellantFields_NamesWhatIsMissingAndWritesNothing()
    {
        using var temp = new TempFolder();
        await ImportDemo(temp);
        // A case whose route writes to the payer (a medical necessity appeal); cases list orders by priority, not by category.
        var id = (await CliRun.RunAsync("cases", "list", "--status", "open", "--db", temp.ConnectionString, "--json"))
            .Json().GetProperty("cases").EnumerateArray().First(c => c.GetProperty("category").GetString() == "medical_necessity")
            .GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var file = temp.Sub("letter.docx");

        var run = await CliRun.RunAsync("letters", "render", id, "--out", file, "--allow-phi-file", "--db", temp.ConnectionString, "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.False(File.Exists(file));
        var errors = run.Json().GetProperty("errors").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.NotEmpty(errors);
        Assert.Contains(errors, e => e!.Contains("{{", StringComparison.Ordinal) || e.Contains("field", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task LettersRender_ToAFileWithoutAllowPhiFile_IsRefusedAndStoresNothing()
    {
        using var temp = new TempFolder();
        var file = temp.Sub("letter.docx");

        var run = await CliRun.RunAsync("letters", "render", "1", "--out", file, "--db", temp.ConnectionString, "--field", "Argument=x");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--allow-phi-file", run.Output);
        Assert.False(File.Exists(file));
        Assert.False(File.Exists(temp.DatabaseFile)); // refused before the database was even opened
    }

    [Fact]
    public async Task LettersUploadTemplate_StoresAValidTemplateAsTheNextVersion_AndRefusesAFileThatIsNotOne()
    {
        using var temp = new TempFolder();
        var shipped = temp.Sub("shipped");
        Assert.Equal(0, (await CliRun.RunAsync("letters", "make-templates", "--out", shipped)).ExitCode);
        var template = Directory.GetFiles(shipped, "medical_necessity*.docx").Single();
        var notADocx = temp.Sub("notes.docx");
        await File.WriteAllTextAsync(notADocx, "plain text, not a Word document", TestContext.Current.CancellationToken);

        var first = await CliRun.RunAsync("letters", "upload-template", "medical_necessity", template, "--db", temp.ConnectionString, "--json");
        var second = await CliRun.RunAsync("letters", "upload-template", "medical_necessity", template, "--db", temp.ConnectionString, "--json");
        var bad = await CliRun.RunAsync("letters", "upload-template", "medical_necessity", notADocx, "--db", temp.ConnectionString, "--json");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(1, first.Json().GetProperty("version").GetInt32());
        Assert.Equal(2, second.Json().GetProperty("version").GetInt32());
        Assert.Equal(1, bad.ExitCode);
        Assert.False(bad.Json().GetProperty("stored").GetBoolean());
        Assert.NotEmpty(bad.Json().GetProperty("errors").EnumerateArray());
        await using var db = Appeals.Core.Persistence.AppealsDatabase.CreateContext(Appeals.Core.Persistence.DatabaseProvider.Sqlite, temp.ConnectionString, TestKeyRing.Protector);
        var audited = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.AuditEntries.Where(e => e.Action == Appeals.Core.Audit.AuditActions.TemplateUpload).OrderBy(e => e.Id), TestContext.Current.CancellationToken);
        Assert.Equal(["medical_necessity version 1", "medical_necessity version 2"], audited.Select(e => string.Join(" ", e.Details.Split(" ").Take(3))));
    }

    [Fact]
    public async Task LettersRenderThenSignOff_Json_NameTheLetterItsVersionAndWhoSignedIt_OnTheDayTheClockSays()
    {
        using var temp = new TempFolder();
        await ImportDemo(temp);
        var id = (await CliRun.RunAsync("cases", "list", "--status", "open", "--db", temp.ConnectionString, "--json"))
            .Json().GetProperty("cases").EnumerateArray().First(c => c.GetProperty("category").GetString() == "medical_necessity")
            .GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var file = temp.Sub("letter.docx");

        var render = await CliRun.RunAsync(["letters", "render", id, "--out", file, "--allow-phi-file", "--db", temp.ConnectionString, "--json", .. AllLetterFields]);
        Assert.True(render.ExitCode == 0, render.Output);
        var letterId = render.Json().GetProperty("letterId").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signOff = await CliRun.RunAsync("letters", "sign-off", letterId, "--db", temp.ConnectionString, "--json", "--as-of", "2026-03-01T12:00:00Z");

        Assert.Equal(["caseId", "errors", "file", "kind", "letterId", "sha256", "version", "written"], render.Json().EnumerateObject().Select(p => p.Name).Order());
        Assert.True(render.Json().GetProperty("written").GetBoolean());
        Assert.Equal(1, render.Json().GetProperty("version").GetInt32());
        Assert.True(File.Exists(file));
        Assert.Equal(0, signOff.ExitCode);
        var signed = signOff.Json();
        Assert.Equal(["by", "errors", "letterId", "signedOff"], signed.EnumerateObject().Select(p => p.Name).Order());
        Assert.True(signed.GetProperty("signedOff").GetBoolean());
        Assert.Equal("cli:" + Environment.UserName, signed.GetProperty("by").GetString());
        Assert.Empty(signed.GetProperty("errors").EnumerateArray());
        // The letter is signed on the app's day (the container's clock); its audit row records the real time and the app's beside it.
        await using var db = AppealsDatabase.CreateContext(DatabaseProvider.Sqlite, temp.ConnectionString, TestKeyRing.Protector);
        var letter = await db.AppealLetters.SingleAsync(l => l.Id == long.Parse(letterId), TestContext.Current.CancellationToken);
        Assert.Equal(new DateOnly(2026, 3, 1), DateOnly.FromDateTime(letter.SignedOffAt!.Value.UtcDateTime));
        var row = await db.AuditEntries.Where(e => e.Action == AuditActions.LetterSignOff).SingleAsync(TestContext.Current.CancellationToken);
        Assert.InRange(row.At, DateTimeOffset.UtcNow.AddMinutes(-10), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Contains("app clock as of 2026-03-01T12:", row.Details);
    }

    [Fact]
    public async Task DeadlinesList_AsOf_CountsTheDaysLeftFromThatDay()
    {
        using var temp = new TempFolder();
        await ImportDemo(temp);

        var now = (await CliRun.RunAsync("deadlines", "list", "--due-within", "4000", "--db", temp.ConnectionString, "--json")).Json();
        var then = (await CliRun.RunAsync("deadlines", "list", "--due-within", "4000", "--db", temp.ConnectionString, "--json", "--as-of", "2020-01-01")).Json();
        var bad = await CliRun.RunAsync("deadlines", "list", "--db", temp.ConnectionString, "--as-of", "last tuesday");

        Assert.Equal("2020-01-01", then.GetProperty("today").GetString());
        var today = DateOnly.Parse(now.GetProperty("today").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var shift = today.DayNumber - new DateOnly(2020, 1, 1).DayNumber;
        static Dictionary<long, int> DaysLeft(System.Text.Json.JsonElement json) => json.GetProperty("cases").EnumerateArray()
            .Where(c => c.GetProperty("daysLeft").ValueKind == System.Text.Json.JsonValueKind.Number)
            .ToDictionary(c => c.GetProperty("id").GetInt64(), c => c.GetProperty("daysLeft").GetInt32());
        var (left, leftThen) = (DaysLeft(now), DaysLeft(then));
        Assert.NotEmpty(leftThen);
        Assert.All(left, c => Assert.Equal(c.Value + shift, leftThen[c.Key]));
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("--as-of", bad.Output);
    }

    /// <summary>Every field a specialist can supply, as --field options.</summary>
    private static readonly string[] AllLetterFields =
        new[] { "Argument", "ClinicalSummary", "Enclosures", "GroupNumber", "AuthorizationNumber", "OriginalSubmissionDate", "ProofOfSubmission", "CorrectionSummary", "SignatureName" }
            .SelectMany(f => new[] { "--field", $"{f}=synthetic {f}" }).ToArray();

    private static async Task ImportDemo(TempFolder temp)
    {
        await CliRun.RunAsync("demo", "generate", "--out", temp.Sub("demo"), "--claims", "150", "--seed", "2", "--history-rows", "0");
        Assert.Equal(0, (await CliRun.RunAsync("import", temp.Sub("demo"), "--db", temp.ConnectionString, "--json")).ExitCode);
    }
}
