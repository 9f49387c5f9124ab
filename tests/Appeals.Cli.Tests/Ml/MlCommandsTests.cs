using System.Globalization;
using System.Text.Json;
using Appeals.Cli.Tests.Common;
using Appeals.ML.History;
using Appeals.ML.Synthetic;

namespace Appeals.Cli.Tests.Ml;

/// <summary>`ml train|score|evaluate` and `history import`, run in-process through the real `appeals` app.</summary>
public sealed class MlCommandsTests
{
    [Fact]
    public async Task TrainThenScore_WritesOneScoreForEveryInputRow()
    {
        using var temp = new TempFolder();
        string history = temp.Sub("history.csv"), truth = temp.Sub("truth.csv"), model = temp.Sub("m.zip");
        SyntheticHistory.Write(history, truth, 3000, 21);

        var train = await CliRun.RunAsync("ml", "train", "--history", history, "--model-out", model);
        Assert.Equal(0, train.ExitCode);
        Assert.Contains("AUC", train.Output);
        Assert.True(File.Exists(model) && File.Exists(Path.ChangeExtension(model, ".json")));

        var input = temp.Sub("open.csv");
        var rows = HistoryCsv.Read(history, requireOutcome: true).Take(500).Select(r => r with { Recovered = null, RecoveredAmount = null })
            .Append(HistoryRows.Row("UNKNOWN-CARC", carc: "Z77", recovered: null)).ToList();
        HistoryCsv.Write(input, rows);
        var scored = temp.Sub("scores.csv");
        Assert.Equal(0, (await CliRun.RunAsync("ml", "score", "--input", input, "--out", scored, "--model", model)).ExitCode);

        var lines = await File.ReadAllLinesAsync(scored, TestContext.Current.CancellationToken);
        Assert.Equal("denial_id,recovery_probability,expected_recovery", lines[0]);
        Assert.Equal(rows.Select(r => r.DenialId), lines.Skip(1).Select(l => l.Split(',')[0]));
        Assert.All(lines.Skip(1), l => Assert.InRange(double.Parse(l.Split(',')[1], CultureInfo.InvariantCulture), 0, 1));
    }

    [Fact]
    public async Task Train_WithAnOutcomeLag_RecordsItInTheModelMetadata()
    {
        using var temp = new TempFolder();
        string history = temp.Sub("history.csv"), model = temp.Sub("m.zip");
        SyntheticHistory.Write(history, temp.Sub("truth.csv"), 2000, 22);

        var run = await CliRun.RunAsync("ml", "train", "--history", history, "--model-out", model, "--outcome-lag-days", "30");

        Assert.Equal(0, run.ExitCode);
        using var metadata = JsonDocument.Parse(await File.ReadAllTextAsync(Path.ChangeExtension(model, ".json"), TestContext.Current.CancellationToken));
        Assert.Equal(30, metadata.RootElement.GetProperty("hyperparameters").GetProperty("outcomeLagDays").GetDouble());
    }

    [Fact]
    public async Task Score_MalformedRow_IsAnErrorWithLineAndColumn_AndWritesNoScores()
    {
        using var temp = new TempFolder();
        var input = temp.Sub("open.csv");
        HistoryCsv.Write(input, [HistoryRows.Row("A", recovered: null)]);
        await File.AppendAllTextAsync(input, "B,60001,commercial,CO,197,,99214,P,11,500,10,2024/01/02,2024-02-01,,\n", TestContext.Current.CancellationToken);
        var scored = temp.Sub("scores.csv");

        var run = await CliRun.RunAsync("ml", "score", "--input", input, "--out", scored);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("line 3, column service_date", run.Output);
        Assert.False(File.Exists(scored));
    }

    [Fact]
    public async Task Evaluate_WithTruth_ReportsTheOracleAndTheTopShares()
    {
        using var temp = new TempFolder();
        string history = temp.Sub("history.csv"), truth = temp.Sub("truth.csv");
        SyntheticHistory.Write(history, truth, 3000, 22);

        var run = await CliRun.RunAsync("ml", "evaluate", "--history", history, "--truth", truth);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("oracle", run.Output);
        Assert.Contains("largest-first", run.Output);
        Assert.Contains("10%", run.Output);
    }

    [Fact]
    public async Task Evaluate_Json_PrintsTheHoldoutTheBaseRateTheOracleAndTheTopShares()
    {
        using var temp = new TempFolder();
        string history = temp.Sub("history.csv"), truth = temp.Sub("truth.csv");
        SyntheticHistory.Write(history, truth, 3000, 22);

        var run = await CliRun.RunAsync("ml", "evaluate", "--history", history, "--truth", truth, "--json");

        Assert.True(run.ExitCode == 0, run.Output);
        var json = run.Json();
        Assert.Equal(["baseRate", "holdout", "oracle", "topShares", "training"], json.EnumerateObject().Select(p => p.Name).Order());
        Assert.InRange(json.GetProperty("holdout").GetProperty("auc").GetDouble(), 0.5, 1);
        Assert.True(json.GetProperty("oracle").GetProperty("cases").GetInt32() > 0);
        var shares = json.GetProperty("topShares").EnumerateArray().ToList();
        Assert.Equal([0.05, 0.1, 0.2], shares.Select(s => s.GetProperty("share").GetDouble()));
        Assert.All(shares, s => Assert.True(s.GetProperty("model").GetDecimal() >= 0));
        Assert.True(json.GetProperty("training").GetProperty("rowsFit").GetInt32() > 0);
    }

    [Fact]
    public async Task HistoryImport_StoresOutcomes_Once()
    {
        using var temp = new TempFolder();
        var history = temp.Sub("history.csv");
        HistoryCsv.Write(history, [HistoryRows.Row("A"), HistoryRows.Row("B", recovered: false)]);

        Assert.Contains("2 added", (await CliRun.RunAsync("history", "import", history, "--db", temp.ConnectionString)).Output);
        Assert.Contains("0 added, 2 already stored", (await CliRun.RunAsync("history", "import", history, "--db", temp.ConnectionString)).Output);
    }

    [Fact]
    public async Task HistoryImport_Json_PrintsRowsAddedAndAlreadyStored()
    {
        using var temp = new TempFolder();
        var history = temp.Sub("history.csv");
        HistoryCsv.Write(history, [HistoryRows.Row("A"), HistoryRows.Row("B", recovered: false)]);
        await CliRun.RunAsync("history", "import", history, "--db", temp.ConnectionString);

        var run = await CliRun.RunAsync("history", "import", history, "--db", temp.ConnectionString, "--json");

        Assert.Equal(0, run.ExitCode);
        var json = run.Json();
        Assert.Equal(["added", "alreadyStored", "rows"], json.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(2, json.GetProperty("rows").GetInt32());
        Assert.Equal(0, json.GetProperty("added").GetInt32());
        Assert.Equal(2, json.GetProperty("alreadyStored").GetInt32());
    }
}

/// <summary>One row of a history CSV, for tests that need a specific one.</summary>
internal static class HistoryRows
{
    public static HistoryRecord Row(string id, string carc = "197", bool? recovered = true, decimal denied = 500m) => new()
    {
        DenialId = id, PayerId = "60001", PayerType = "commercial", GroupCode = "CO", Carc = carc, Rarcs = ["N54"],
        ProcedureCode = "99214", ProviderId = "1912345678", PlaceOfService = "11", BilledAmount = denied, DeniedAmount = denied,
        ServiceDate = new DateOnly(2024, 2, 10), RemitDate = new DateOnly(2024, 3, 1),
        Recovered = recovered, RecoveredAmount = recovered == true ? denied : recovered == false ? 0 : null,
    };
}
