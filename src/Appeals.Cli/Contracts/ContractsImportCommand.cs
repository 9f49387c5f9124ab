using System.ComponentModel;
using Appeals.Cli.Common;
using Appeals.Core.Contracts;
using Appeals.Core.Persistence;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Appeals.Cli.Contracts;

public sealed class ContractsImportSettings : DatabaseSettings
{
    [CommandArgument(0, "<FILE>"), Description("Contract CSV: payer_id,procedure_code,modifier,allowed_amount,effective_from,effective_to")]
    public required string File { get; init; }
}

/// <summary>
/// `appeals contracts import FILE [--json]`: stores a payer fee schedule. A file with any bad row (format, or effective dates
/// overlapping for one payer, code and modifier) is refused whole, every error with its line and column, exit 2.
/// --json: <c>{ file, rows, added, alreadyStored, payers, errors: [{ line, column, message }] }</c>.
/// </summary>
public sealed class ContractsImportCommand(IAnsiConsole console) : AsyncCommand<ContractsImportSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ContractsImportSettings settings, CancellationToken cancellationToken)
    {
        if (!File.Exists(settings.File))
            return Refuse(settings, Path.GetFileName(settings.File), [new ContractRowError(0, "(file)", $"{settings.File} does not exist")]);
        await using var services = await settings.OpenDatabaseAsync(console, cancellationToken);
        var importer = new ContractImporter(services.Get<AppealsDbContext>(), services.Get<TimeProvider>());
        ContractImportSummary summary;
        try { summary = await importer.ImportAsync(settings.File, DatabaseSettings.Actor, cancellationToken); }
        catch (ContractImportException e) { return Refuse(settings, e.File, e.Errors); }

        if (settings.Json)
            JsonOutput.Write(console, new { summary.File, summary.Rows, summary.Added, summary.AlreadyStored, summary.Payers, errors = Array.Empty<ContractRowError>() });
        else
            console.MarkupLineInterpolated($"{summary.File}: {summary.Rows} rate(s) read, {summary.Added} added, {summary.AlreadyStored} already stored, {summary.Payers} payer(s)");
        return 0;
    }

    private int Refuse(ContractsImportSettings settings, string file, IReadOnlyList<ContractRowError> errors)
    {
        if (settings.Json)
            JsonOutput.Write(console, new { file, rows = 0, added = 0, alreadyStored = 0, payers = 0, errors });
        else
        {
            console.MarkupLineInterpolated($"[red]{file}: refused, nothing imported ({errors.Count} error(s))[/]");
            foreach (var e in errors) console.MarkupLineInterpolated($"  {file}: {e.ToString()}");
        }
        return 2;
    }
}
