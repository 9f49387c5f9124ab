using Appeals.Cli.Tests.Common;

namespace Appeals.Cli.Tests.Contracts;

public sealed class ContractsImportCommandTests
{
    [Fact]
    public async Task ContractsImport_Json_GivesTheDocumentedFields()
    {
        using var temp = new TempFolder();
        var file = temp.Sub("rates.csv");
        await File.WriteAllTextAsync(file, "payer_id,procedure_code,modifier,allowed_amount,effective_from,effective_to\n" +
            "SYNPAYER1,99213,,100.00,2026-01-01,\nSYNPAYER1,97110,GP,36.00,2026-01-01,2026-12-31\n", TestContext.Current.CancellationToken);

        var run = await CliRun.RunAsync("contracts", "import", file, "--db", temp.ConnectionString, "--json");

        Assert.Equal(0, run.ExitCode);
        var json = run.Json();
        Assert.Equal(["added", "alreadyStored", "errors", "file", "payers", "rows"], json.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(("rates.csv", 2, 2, 0, 1), (json.GetProperty("file").GetString(), json.GetProperty("rows").GetInt32(),
            json.GetProperty("added").GetInt32(), json.GetProperty("alreadyStored").GetInt32(), json.GetProperty("payers").GetInt32()));
        Assert.Equal(0, json.GetProperty("errors").GetArrayLength());
    }

    [Fact]
    public async Task ContractsImport_BadRows_Exit2WithEachErrorsLineAndColumn()
    {
        using var temp = new TempFolder();
        var file = temp.Sub("rates.csv");
        await File.WriteAllTextAsync(file, "payer_id,procedure_code,modifier,allowed_amount,effective_from,effective_to\n" +
            "SYNPAYER1,99213,,abc,2026-01-01,\nSYNPAYER1,99214,,10.00,01/02/2026,\n", TestContext.Current.CancellationToken);

        var json = (await CliRun.RunAsync("contracts", "import", file, "--db", temp.ConnectionString, "--json"));
        var text = await CliRun.RunAsync("contracts", "import", file, "--db", temp.ConnectionString);

        Assert.Equal(2, json.ExitCode);
        var errors = json.Json().GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal([(2, "allowed_amount"), (3, "effective_from")], errors.Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("column").GetString())));
        Assert.Equal(0, json.Json().GetProperty("added").GetInt32());
        Assert.Equal(2, text.ExitCode);
        Assert.Contains("rates.csv: line 3, column effective_from: '01/02/2026' is not a date", text.Output);
    }

    [Fact]
    public async Task DemoWithItsContracts_CasesListKindUnderpayment_ListsOnlyUnderpaymentsWithTheirShortfall()
    {
        using var temp = new TempFolder();
        await CliRun.RunAsync("demo", "generate", "--out", temp.Sub("demo"), "--claims", "300", "--seed", "2", "--history-rows", "0");
        var contracts = await CliRun.RunAsync("contracts", "import", Path.Combine(temp.Sub("demo"), "contracts.csv"), "--db", temp.ConnectionString, "--json");
        Assert.Equal(0, contracts.ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync("import", temp.Sub("demo"), "--db", temp.ConnectionString, "--json")).ExitCode);

        var under = (await CliRun.RunAsync("cases", "list", "--kind", "underpayment", "--db", temp.ConnectionString, "--json")).Json();
        var denials = (await CliRun.RunAsync("cases", "list", "--kind", "denial", "--db", temp.ConnectionString, "--json")).Json();
        var all = (await CliRun.RunAsync("cases", "list", "--db", temp.ConnectionString, "--json")).Json();

        var cases = under.GetProperty("cases").EnumerateArray().ToList();
        Assert.NotEmpty(cases);
        Assert.All(cases, c =>
        {
            Assert.Equal("underpayment", c.GetProperty("kind").GetString());
            Assert.True(c.GetProperty("shortfallAmount").GetDecimal() >= 5m);
            Assert.Equal(c.GetProperty("shortfallAmount").GetDecimal(), c.GetProperty("deniedAmount").GetDecimal());
            Assert.Equal(0m, c.GetProperty("takenBackAmount").GetDecimal()); // nothing taken back in this fixture
        });
        Assert.All(denials.GetProperty("cases").EnumerateArray(), c => Assert.False(c.TryGetProperty("shortfallAmount", out _)));
        Assert.Equal(all.GetProperty("count").GetInt32(), under.GetProperty("count").GetInt32() + denials.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task CasesList_UnknownKind_IsRefused()
    {
        using var temp = new TempFolder();

        var run = await CliRun.RunAsync("cases", "list", "--kind", "overpayment", "--db", temp.ConnectionString);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--kind", run.Output);
    }
}
