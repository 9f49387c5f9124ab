using System.ComponentModel;
using Appeals.Cli.Common;
using Appeals.Core.Audit;
using Appeals.Workflows;
using Appeals.Workflows.Routing;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Appeals.Cli.Workflows;

public sealed class CasesAdvanceSettings : DatabaseSettings
{
    [CommandArgument(0, "<ID>")]
    [Description("The denial case id")]
    public long CaseId { get; init; }

    [CommandArgument(1, "<TRIGGER>")]
    [Description("The move to make, e.g. start, sign_off, submit, paid, partly_paid, denied, escalate, close, request_write_off")]
    public string Trigger { get; init; } = "";

    [CommandOption("--reason <TEXT>")]
    [Description("Why (kept on the case's timeline)")]
    public string Reason { get; init; } = "";
}

/// <summary>`appeals cases advance ID TRIGGER`: exit 0 when the case moved (audited as the OS user), 1 with the reason when the move was refused.</summary>
public sealed class CasesAdvanceCommand(IAnsiConsole console) : AsyncCommand<CasesAdvanceSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, CasesAdvanceSettings settings, CancellationToken cancellationToken)
    {
        await using var services = await settings.OpenDatabaseAsync(console, cancellationToken);
        // Never a manager: approving a write-off takes a manager's sign-in on the web.
        var actor = new WorkflowActor(DatabaseSettings.Actor, IsManager: false);
        var workflow = services.Get<CaseWorkflow>();
        var result = await services.Get<AuditLog>().RecordAsync(
            () => workflow.FireAsync(settings.CaseId, settings.Trigger, actor, settings.Reason, cancellationToken),
            r => CaseAuditRecords.Moved(r, actor.Name, settings.CaseId, settings.Reason), cancellationToken);
        var t = result.Transition;
        if (settings.Json)
        {
            JsonOutput.Write(console, new
            {
                caseId = settings.CaseId, moved = result.Succeeded, from = t?.FromState, to = t?.ToState,
                route = t?.Route, error = result.Error?.Code.ToString(), message = result.Error?.Message,
            });
        }
        else if (t is not null)
        {
            console.MarkupLineInterpolated($"Case {settings.CaseId} ({t.Route} v{t.WorkflowVersion}): {t.FromState} → [bold]{t.ToState}[/]");
        }
        else
        {
            console.MarkupLineInterpolated($"[red]Refused ({result.Error!.Code}):[/] {result.Error.Message}");
        }
        return result.Succeeded ? 0 : 1;
    }
}
