using Appeals.Cli.Common;
using Appeals.Core.Audit;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Appeals.Cli.Audit;

/// <summary>
/// `appeals audit verify [--json]`: exit 0 when the chain is intact under the key ring's audit key and reaches its signed
/// checkpoint, 2 when a row was changed, deleted, inserted, recomputed or cut off the end (ADR 0085).
/// </summary>
public sealed class AuditVerifyCommand(IAnsiConsole console) : AsyncCommand<DatabaseSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DatabaseSettings settings, CancellationToken cancellationToken)
    {
        await using var services = await settings.OpenDatabaseAsync(console, cancellationToken);
        var log = services.Get<AuditLog>();
        var result = await log.VerifyAsync(cancellationToken);
        if (settings.Json)
            JsonOutput.Write(console, new
            {
                intact = result.Intact, rowsChecked = result.RowsChecked, firstBrokenId = result.FirstBrokenId, problem = result.Problem,
                checkpoint = result.Checkpoint is { } c ? new { lastId = c.LastId, count = c.Count, at = c.At } : null,
            });
        else if (result.Intact)
            console.MarkupLineInterpolated($"[green]Audit log intact[/]: {result.RowsChecked} row(s) checked, up to the checkpoint of row {result.Checkpoint?.LastId}.");
        else
            console.MarkupLineInterpolated($"[red]Audit log broken[/] at row {result.FirstBrokenId}: {result.Problem}.");
        return result.Intact ? 0 : 2;
    }
}
