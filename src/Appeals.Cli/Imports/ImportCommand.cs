using System.ComponentModel;
using Appeals.Cli.Common;
using Appeals.Core.Denials;
using Appeals.Core.Imports;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Appeals.Cli.Imports;

public sealed class ImportSettings : DatabaseSettings
{
    [CommandArgument(0, "<PATH>")]
    [Description("835 files, or folders to import every file in")]
    public string[] Paths { get; init; } = [];

    [CommandOption("--dry-run")]
    [Description("Read, validate and detect denials without writing anything")]
    public bool DryRun { get; init; }

    public override ValidationResult Validate()
    {
        var missing = Paths.FirstOrDefault(p => !File.Exists(p) && !Directory.Exists(p));
        return missing is not null ? ValidationResult.Error($"No such file or folder: {missing}") : base.Validate();
    }
}

/// <summary>`appeals import`: the DESIGN.md contract. Exit 0 when no file was rejected, 2 otherwise.</summary>
public sealed class ImportCommand(IAnsiConsole console) : AsyncCommand<ImportSettings>
{
    public const int RejectedExitCode = 2;

    public override async Task<int> ExecuteAsync(CommandContext context, ImportSettings settings, CancellationToken cancellationToken)
    {
        // A dry run looks nothing up, so it needs no database: no file, no connection, no migration (ADR 0074), and no
        // database context, key ring or handlers either (ADR 0133).
        await using var services = settings.DryRun ? settings.OpenServices(console) : await settings.OpenDatabaseAsync(console, cancellationToken);
        var importer = settings.DryRun
            ? RemittanceImporter.ForDryRunWithoutDatabase(services.Get<DenialDetector>(), services.Get<TimeProvider>(), services.Get<ILogger<RemittanceImporter>>())
            : services.Get<RemittanceImporter>();
        // The audit entry names the operating-system account that ran the command: the CLI has no sign-in of its own.
        var options = new ImportOptions(settings.DryRun) { Actor = DatabaseSettings.Actor, WithoutDatabase = settings.DryRun };

        ImportSummary summary;
        if (ShowProgress(settings))
        {
            summary = await console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async progress =>
                {
                    var bar = new ImportProgressBar(progress.AddTask("Importing"));
                    return await importer.ImportAsync(settings.Paths, options, bar, cancellationToken);
                });
        }
        else
        {
            summary = await importer.ImportAsync(settings.Paths, options, null, cancellationToken);
        }

        if (settings.Json) JsonOutput.Write(console, summary, CliJsonContext.Default.ImportSummary);
        else ImportSummaryView.Write(console, summary, settings.DryRun);
        return summary.Rejected == 0 ? 0 : RejectedExitCode;
    }

    /// <summary>A live bar only for a person at a terminal: never with --json, never into a pipe or file.</summary>
    private bool ShowProgress(ImportSettings settings) =>
        !settings.Json && console.Profile.Capabilities.Interactive && !Console.IsOutputRedirected;
}

/// <summary>Feeds importer progress into a Spectre task, synchronously (no SynchronizationContext hop needed).</summary>
internal sealed class ImportProgressBar(ProgressTask task) : IProgress<ImportProgress>
{
    public void Report(ImportProgress value)
    {
        // Bytes are per file: the bar counts files, the current one by how much of it has been read.
        var withinFile = value.BytesRead < value.TotalBytes ? (double)value.BytesRead / value.TotalBytes : 0;
        task.MaxValue = Math.Max(1, value.FilesTotal);
        task.Value = value.FilesDone + withinFile;
        task.Description = $"Importing {value.FilesDone}/{value.FilesTotal} files";
    }
}
