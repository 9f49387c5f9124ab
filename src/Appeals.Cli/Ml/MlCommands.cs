using Spectre.Console.Cli;

namespace Appeals.Cli.Ml;

/// <summary>Registers `ml train|score|evaluate|rescore` and `history import` (issue 4).</summary>
public static class MlCommands
{
    public static IConfigurator AddMlCommands(this IConfigurator config)
    {
        config.AddBranch<CommandSettings>("ml", ml =>
        {
            ml.SetDescription("Train, score and evaluate the recovery model.");
            ml.AddCommand<TrainCommand>("train").WithDescription("Train on a history CSV; prints AUC, log-loss and calibration on the newest 20 %.");
            ml.AddCommand<ScoreCommand>("score").WithDescription("Write denial_id,recovery_probability,expected_recovery for every row of a CSV.");
            ml.AddCommand<EvaluateCommand>("evaluate").WithDescription("Holdout AUC, calibration and dollars in the top 5/10/20 % vs FIFO, largest-first, oracle.");
            ml.AddCommand<RescoreCommand>("rescore").WithDescription("Rescore every open denial case in the database.");
        });
        config.AddBranch<CommandSettings>("history", history =>
        {
            history.SetDescription("Past denial outcomes (training data).");
            history.AddCommand<HistoryImportCommand>("import").WithDescription("Store a history CSV's outcomes in the database.");
        });
        return config;
    }
}
