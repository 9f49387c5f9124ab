using Appeals.Cli.Common;
using Appeals.Workflows.Jobs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Appeals.Cli.Workflows;

/// <summary>
/// `appeals deadlines sweep`: the daily deadline sweep that the web app's job server runs at 05:00, now: deadlines not
/// yet planned are planned, due reminders sent, passed deadlines of cases still awaiting filing marked missed. A site
/// that runs only the CLI schedules this command (cron) instead. Safe to run any number of times.
/// </summary>
public sealed class DeadlinesSweepCommand(IAnsiConsole console) : AsyncCommand<DatabaseSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DatabaseSettings settings, CancellationToken cancellationToken)
    {
        await using var services = await settings.OpenDatabaseAsync(console, cancellationToken);
        var today = DateOnly.FromDateTime(services.Get<TimeProvider>().GetUtcNow().UtcDateTime);
        var swept = await services.Get<DeadlineSweepJob>().RunAsync(cancellationToken);
        if (settings.Json)
        {
            JsonOutput.Write(console, new { today, planned = swept.Planned, reminded = swept.Reminded, missed = swept.Missed });
            return 0;
        }
        console.MarkupLineInterpolated(
            $"Deadlines swept as of {today:yyyy-MM-dd}: {swept.Planned} planned, {swept.Reminded} reminder(s) sent, {swept.Missed} marked missed");
        return 0;
    }
}
