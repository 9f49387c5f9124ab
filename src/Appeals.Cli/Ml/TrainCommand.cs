using System.ComponentModel;
using Appeals.Cli.Common;
using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Appeals.ML.History;
using Appeals.ML.Training;
using Appeals.Workflows.Jobs;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Appeals.Cli.Ml;

internal sealed class TrainSettings : DatabaseSettings
{
    [CommandOption("--history <FILE>"), Description("History CSV (DESIGN.md format) with outcomes.")]
    public string? History { get; init; }

    [CommandOption("--from-db"), Description("Train on the database instead: imported history plus closed cases.")]
    public bool FromDatabase { get; init; }

    [CommandOption("--model-out <FILE>"), Description("Where to write the model (default: Models:Path/recovery-<version>.zip).")]
    public string? ModelOut { get; init; }

    [CommandOption("--seed <N>")] public int Seed { get; init; } = 42;

    [CommandOption("--outcome-lag-days <DAYS>"), Description("Days after the remit date before an outcome counts in history features (default: Models:OutcomeLagDays, else 0).")]
    public int? OutcomeLagDays { get; init; }

    public override ValidationResult Validate() =>
        History is null == !FromDatabase ? ValidationResult.Error("give --history FILE or --from-db") : base.Validate();
}

/// <summary>`appeals ml train --history FILE [--model-out FILE] [--json]`.</summary>
internal sealed class TrainCommand(IAnsiConsole console) : AsyncCommand<TrainSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, TrainSettings settings, CancellationToken ct)
    {
        // Training on a file needs no database: nothing opens or creates one.
        await using var services = settings.FromDatabase ? await settings.OpenDatabaseAsync(console, ct) : settings.OpenServices(console);
        var models = services.Get<IOptions<ModelsOptions>>().Value;
        List<HistoryRecord> rows;
        try
        {
            rows = settings.History is { } file
                ? HistoryCsv.Read(file, requireOutcome: true)
                : await DatabaseHistory.LabelledAsync(services.Get<AppealsDbContext>(), ct);
        }
        catch (HistoryFormatException e) { return MlOutput.Fail(console, e.Message); }
        catch (IOException e) { return MlOutput.Fail(console, e.Message); }

        RecoveryModel model;
        try
        {
            model = new RecoveryTrainer(services.Get<CarcCatalog>(), services.Get<TimeProvider>())
                .Train(rows, new TrainingOptions { Seed = settings.Seed, OutcomeLagDays = settings.OutcomeLagDays ?? models.OutcomeLagDays },
                    settings.History is { } h ? Path.GetFileName(h) : "database");
        }
        catch (InvalidOperationException e) { return MlOutput.Fail(console, e.Message); }

        var (path, metadataPath) = models.Store().Publish(model, settings.ModelOut);

        // The two file paths and the metrics: "metadata" names the metrics, as in the .json file written beside the model.
        if (settings.Json) JsonOutput.Write(console, new { modelPath = path, metadataPath, metadata = model.Metadata }, ModelJson.Options);
        else MetricsTable.Print(console, model.Metadata, path);
        return 0;
    }
}
