using System.ComponentModel;
using System.Globalization;
using Appeals.Cli.Common;
using Appeals.Cli.Imports;
using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Appeals.Cli.Cases;

public sealed class CasesListSettings : DatabaseSettings
{
    [CommandOption("--status <STATUS>")]
    [Description("Only cases in this status: open, in_progress, appealed, recovered, partially_recovered, upheld, written_off, closed")]
    public string? Status { get; init; }

    public override ValidationResult Validate() =>
        Status is null || DenialCaseStatus.All.Contains(Status)
            ? base.Validate()
            : ValidationResult.Error($"--status must be one of: {string.Join(", ", DenialCaseStatus.All)}");
}

/// <summary>One row of `appeals cases list`, also its --json shape.</summary>
public sealed record CaseRow(long Id, string Payer, string PatientControlNumber, string PayerClaimNumber,
    string Category, decimal DeniedAmount, decimal RecoveredAmount, string Status);

/// <summary>`appeals cases list [--status S] [--json]`.</summary>
public sealed class CasesListCommand(IAnsiConsole console) : AsyncCommand<CasesListSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, CasesListSettings settings, CancellationToken cancellationToken)
    {
        await using var services = await settings.OpenDatabaseAsync(cancellationToken);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppealsDbContext>();
        var query = db.DenialCases.AsNoTracking();
        if (settings.Status is { } status) query = query.Where(c => c.Status == status);
        var rows = await query
            .Select(c => new CaseRow(c.Id, c.Payer!.Name, c.PatientControlNumber, c.PayerClaimControlNumber,
                c.Category, c.DeniedAmount, c.RecoveredAmount, c.Status))
            .ToListAsync(cancellationToken);
        // SQLite cannot ORDER BY a decimal column in SQL: sort here (the list is for people and scripts, not the queue).
        rows = rows.OrderByDescending(r => r.DeniedAmount).ThenBy(r => r.Id).ToList();

        if (settings.Json)
        {
            JsonOutput.Write(console, new { count = rows.Count, cases = rows });
            return 0;
        }
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("Id", "Payer", "Patient control #", "Payer claim #", "Category")
            .AddColumn(new TableColumn("Denied").RightAligned())
            .AddColumn(new TableColumn("Recovered").RightAligned())
            .AddColumn("Status");
        foreach (var r in rows)
            table.AddRow(Markup.Escape(r.Id.ToString(CultureInfo.InvariantCulture)), Markup.Escape(r.Payer), Markup.Escape(r.PatientControlNumber),
                Markup.Escape(r.PayerClaimNumber), Markup.Escape(r.Category), ImportSummaryView.Money(r.DeniedAmount),
                ImportSummaryView.Money(r.RecoveredAmount), Markup.Escape(r.Status));
        console.Write(table);
        console.MarkupLineInterpolated($"{rows.Count} case(s)");
        return 0;
    }
}
