using System.ComponentModel;
using Appeals.Cli.Common;
using Appeals.Core.Persistence;
using Appeals.ML.History;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Appeals.Cli.Ml;

internal sealed class HistoryImportSettings : DatabaseSettings
{
    [CommandArgument(0, "<FILE>"), Description("History CSV with outcomes.")]
    public required string File { get; init; }

}

/// <summary>`appeals history import FILE`: stores past outcomes; a bad row refuses the whole file.</summary>
internal sealed class HistoryImportCommand(IAnsiConsole console) : AsyncCommand<HistoryImportSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, HistoryImportSettings settings, CancellationToken ct)
    {
        await using var services = await settings.OpenDatabaseAsync(console, ct);
        HistoryImportSummary summary;
        try { summary = await new HistoryImporter(services.Get<AppealsDbContext>(), services.Get<TimeProvider>()).ImportAsync(settings.File, ct); }
        catch (HistoryFormatException e) { return MlOutput.Fail(console, e.Message); }
        catch (IOException e) { return MlOutput.Fail(console, e.Message); }
        if (settings.Json) JsonOutput.Write(console, summary);
        else console.MarkupLine($"{summary.Rows} rows read, {summary.Added} added, {summary.AlreadyStored} already stored");
        return 0;
    }
}
