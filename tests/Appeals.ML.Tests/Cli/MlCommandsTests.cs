using Appeals.Cli.Ml;
using Appeals.ML.History;
using Appeals.ML.Synthetic;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Appeals.ML.Tests.Cli;

/// <summary>The commands run in-process through their own CommandApp, as Program.cs will register them.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class MlCommandsTests
{
    private static (int Exit, string Output) Run(params string[] args)
    {
        var output = new StringWriter();
        var previous = AnsiConsole.Console;
        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        try
        {
            var app = new CommandApp();
            app.Configure(c => { c.AddMlCommands(); c.PropagateExceptions(); });
            return (app.Run(args), output.ToString());
        }
        finally { AnsiConsole.Console = previous; }
    }

    [Fact]
    public void TrainThenScore_WritesOneScoreForEveryInputRow()
    {
        var folder = TestHistory.TempFolder();
        string history = Path.Combine(folder, "history.csv"), truth = Path.Combine(folder, "truth.csv"), model = Path.Combine(folder, "m.zip");
        SyntheticHistory.Write(history, truth, 3000, 21);

        var (exit, output) = Run("ml", "train", "--history", history, "--model-out", model);
        Assert.Equal(0, exit);
        Assert.Contains("AUC", output);
        Assert.True(File.Exists(model) && File.Exists(Path.ChangeExtension(model, ".json")));

        var input = Path.Combine(folder, "open.csv");
        var rows = HistoryCsv.Read(history, requireOutcome: true).Take(500).Select(r => r with { Recovered = null, RecoveredAmount = null })
            .Append(TestHistory.Row("UNKNOWN-CARC", carc: "Z77", recovered: null)).ToList();
        HistoryCsv.Write(input, rows);
        var scored = Path.Combine(folder, "scores.csv");
        Assert.Equal(0, Run("ml", "score", "--input", input, "--out", scored, "--model", model).Exit);

        var lines = File.ReadAllLines(scored);
        Assert.Equal("denial_id,recovery_probability,expected_recovery", lines[0]);
        Assert.Equal(rows.Select(r => r.DenialId), lines.Skip(1).Select(l => l.Split(',')[0]));
        Assert.All(lines.Skip(1), l => Assert.InRange(double.Parse(l.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture), 0, 1));
    }

    [Fact]
    public void Train_WithAnOutcomeLag_RecordsItInTheModelMetadata()
    {
        var folder = TestHistory.TempFolder();
        string history = Path.Combine(folder, "history.csv"), model = Path.Combine(folder, "m.zip");
        SyntheticHistory.Write(history, Path.Combine(folder, "truth.csv"), 2000, 22);

        var (exit, _) = Run("ml", "train", "--history", history, "--model-out", model, "--outcome-lag-days", "30");
        Assert.Equal(0, exit);
        var metadata = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(model, ".json")));
        Assert.Equal(30, metadata.RootElement.GetProperty("hyperparameters").GetProperty("outcomeLagDays").GetDouble());
    }

    [Fact]
    public void Score_MalformedRow_IsAnErrorWithLineAndColumn_AndWritesNoScores()
    {
        var folder = TestHistory.TempFolder();
        var input = Path.Combine(folder, "open.csv");
        HistoryCsv.Write(input, [TestHistory.Row("A", recovered: null)]);
        File.AppendAllText(input, "B,60001,commercial,CO,197,,99214,P,11,500,10,2024/01/02,2024-02-01,,\n");
        var scored = Path.Combine(folder, "scores.csv");
        var (exit, output) = Run("ml", "score", "--input", input, "--out", scored);
        Assert.Equal(2, exit);
        Assert.Contains("line 3, column service_date", output);
        Assert.False(File.Exists(scored));
    }

    [Fact]
    public void Evaluate_WithTruth_ReportsTheOracleAndTheTopShares()
    {
        var folder = TestHistory.TempFolder();
        string history = Path.Combine(folder, "history.csv"), truth = Path.Combine(folder, "truth.csv");
        SyntheticHistory.Write(history, truth, 3000, 22);
        var (exit, output) = Run("ml", "evaluate", "--history", history, "--truth", truth);
        Assert.Equal(0, exit);
        Assert.Contains("oracle", output);
        Assert.Contains("largest-first", output);
        Assert.Contains("10%", output);
    }

    [Fact]
    public void HistoryImport_StoresOutcomes_Once()
    {
        var folder = TestHistory.TempFolder();
        var history = Path.Combine(folder, "history.csv");
        HistoryCsv.Write(history, [TestHistory.Row("A"), TestHistory.Row("B", recovered: false)]);
        var db = $"Data Source={Path.Combine(folder, "appeals.db")}";
        Assert.Contains("2 added", Run("history", "import", history, "--db", db).Output);
        Assert.Contains("0 added, 2 already stored", Run("history", "import", history, "--db", db).Output);
    }
}

[CollectionDefinition(nameof(ConsoleCollection), DisableParallelization = true)]
public sealed class ConsoleCollection;
