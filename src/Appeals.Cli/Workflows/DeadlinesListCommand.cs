using System.ComponentModel;
using System.Globalization;
using Appeals.Cli.Common;
using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Appeals.Cli.Workflows;

public sealed class DeadlinesListSettings : DatabaseSettings
{
    [CommandOption("--due-within <DAYS>")]
    [Description("Cases whose file-by date is at most DAYS from today (overdue ones included)")]
    public int DueWithin { get; init; } = 14;

    public override ValidationResult Validate() =>
        DueWithin < 0 ? ValidationResult.Error("--due-within must be 0 or more") : base.Validate();
}

/// <summary>One row of `appeals deadlines list`, also its --json shape.</summary>
public sealed record DeadlineRow(long Id, string Payer, string Category, string Route, string State, int Level,
    DateOnly? Deadline, int? DaysLeft, bool Missed, bool RuleMissing, string Basis);

/// <summary>`appeals deadlines list --due-within DAYS`: open cases by deadline, and those flagged for a missing payer rule.</summary>
public sealed class DeadlinesListCommand(IAnsiConsole console) : AsyncCommand<DeadlinesListSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DeadlinesListSettings settings, CancellationToken cancellationToken)
    {
        await using var services = await settings.OpenDatabaseAsync(console, cancellationToken);
        var db = services.Get<AppealsDbContext>();
        var today = DateOnly.FromDateTime(services.Get<TimeProvider>().GetUtcNow().UtcDateTime);
        var horizon = today.AddDays(settings.DueWithin);
        var rows = await db.DenialCases.AsNoTracking().AwaitingFiling()
            .Where(c => (c.AppealDeadline != null && c.AppealDeadline <= horizon) || c.DeadlineRuleMissing)
            .OrderBy(c => c.AppealDeadline).ThenBy(c => c.Id)
            .Select(c => new DeadlineRow(c.Id, c.Payer!.Name, c.Category, c.WorkflowRoute, c.WorkflowState, c.AppealLevel,
                c.AppealDeadline, null, c.DeadlineMissed, c.DeadlineRuleMissing, c.DeadlineBasis))
            .ToListAsync(cancellationToken);
        rows = rows.Select(r => r with { DaysLeft = r.Deadline is { } d ? d.DayNumber - today.DayNumber : null }).ToList();

        if (settings.Json)
        {
            JsonOutput.Write(console, new { today, dueWithin = settings.DueWithin, count = rows.Count, cases = rows });
            return 0;
        }
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("Id", "Payer", "Category", "Route / state", "Level", "File by", "Days left", "Basis");
        foreach (var r in rows)
        {
            var due = r.RuleMissing ? "[red]NO RULE[/]" : r.Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
            var left = r.Missed ? "[red]missed[/]" : r.DaysLeft?.ToString(CultureInfo.InvariantCulture) ?? "";
            table.AddRow(r.Id.ToString(CultureInfo.InvariantCulture), Markup.Escape(r.Payer), Markup.Escape(r.Category),
                Markup.Escape($"{r.Route} / {r.State}"), r.Level.ToString(CultureInfo.InvariantCulture), due, left, Markup.Escape(r.Basis));
        }
        console.Write(table);
        console.MarkupLineInterpolated($"{rows.Count} case(s) due within {settings.DueWithin} day(s) or flagged");
        return 0;
    }
}
