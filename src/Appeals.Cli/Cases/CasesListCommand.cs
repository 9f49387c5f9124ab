using System.ComponentModel;
using System.Globalization;
using Appeals.Cli.Common;
using Appeals.Core.Clock;
using Appeals.Core.Denials;
using Appeals.Core.Formatting;
using Appeals.Core.Persistence;
using Appeals.ML.Scoring;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Appeals.Cli.Cases;

public sealed class CasesListSettings : DatabaseSettings
{
    [CommandOption("--status <STATUS>")]
    [Description("Only cases in this status: open, in_progress, appealed, recovered, partially_recovered, upheld, written_off, closed")]
    public string? Status { get; init; }

    [CommandOption("--kind <KIND>")]
    [Description("Only cases of this kind: denial or underpayment")]
    public string? Kind { get; init; }

    public override ValidationResult Validate() =>
        Status is not null && !DenialCaseStatus.TryFromCode(Status, out _)
            ? ValidationResult.Error($"--status must be one of: {string.Join(", ", DenialCaseStatus.Codes)}")
            : Kind is not null && !CaseKinds.All.Contains(Kind)
                ? ValidationResult.Error($"--kind must be one of: {string.Join(", ", CaseKinds.All)}")
                : base.Validate();
}

/// <summary>
/// One row of `appeals cases list`, also its --json shape (a contract: tests parse it). <see cref="ShortfallAmount"/> is
/// written for underpayment cases only (contracted less actual allowed; their <see cref="DeniedAmount"/> is the same money at stake).
/// </summary>
public sealed record CaseRow(long Id, string Kind, string Payer, string PatientControlNumber, string PayerClaimNumber,
    string Category, decimal DeniedAmount, decimal RecoveredAmount, DenialCaseStatus Status,
    double? RecoveryProbability, decimal? ExpectedRecovery, decimal Priority, string PriorityExplanation)
{
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public decimal? ShortfallAmount { get; init; }

    /// <summary>What the payer took back (PLB offsets) of the case's recovery; <see cref="RecoveredAmount"/> is net of it (ADR 0105).</summary>
    public decimal TakenBackAmount { get; init; }
}

/// <summary>The --json answer of `appeals cases list`: how many cases, and each one.</summary>
public sealed record CaseList(int Count, List<CaseRow> Cases);

/// <summary>`appeals cases list [--status S] [--json]`: cases in the queue's order (priority, then id).</summary>
public sealed class CasesListCommand(IAnsiConsole console) : AsyncCommand<CasesListSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, CasesListSettings settings, CancellationToken cancellationToken)
    {
        var status = settings.Status is { } code ? DenialCaseStatus.FromCode(code) : (DenialCaseStatus?)null;
        var configuration = settings.BuildConfiguration();
        // A hot start path (ADR 0095): a current SQLite database is read without the service container or EF Core.
        var cases = await SqliteCaseList.TryReadAsync(configuration, status, settings.Kind, cancellationToken)
                    ?? await ReadThroughEfCoreAsync(settings, status, settings.Kind, cancellationToken);
        var today = DateOnly.FromDateTime(AsOfClock.FromConfiguration(configuration).GetUtcNow().UtcDateTime);
        var rows = cases.Select(c =>
        {
            var why = PriorityRule.Explain(c.Priority, c.ExpectedRecovery, c.RecoveryProbability, c.DeniedAmount, c.AppealDeadline, today, c.Status, c.DeadlineBasis);
            return new CaseRow(c.Id, c.Kind, c.Payer, c.PatientControlNumber, c.PayerClaimControlNumber, c.Category,
                c.DeniedAmount, c.RecoveredAmount, c.Status, c.RecoveryProbability, c.ExpectedRecovery, c.Priority, why)
            {
                ShortfallAmount = c.Kind == CaseKinds.Underpayment ? c.ShortfallAmount : null,
                TakenBackAmount = c.TakenBackAmount,
            };
        }).ToList();

        if (settings.Json)
        {
            JsonOutput.Write(console, new CaseList(rows.Count, rows), CliJsonContext.Default.CaseList);
            return 0;
        }
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("Id", "Kind", "Payer", "Patient control #", "Payer claim #", "Category")
            .AddColumn(new TableColumn("Denied / short").RightAligned())
            .AddColumn(new TableColumn("Chance").RightAligned())
            .AddColumn(new TableColumn("Expected").RightAligned())
            .AddColumn(new TableColumn("Priority").RightAligned())
            .AddColumn(new TableColumn("Recovered").RightAligned())
            .AddColumn("Status");
        foreach (var r in rows)
            table.AddRow(Markup.Escape(r.Id.ToString(CultureInfo.InvariantCulture)), Markup.Escape(r.Kind), Markup.Escape(r.Payer), Markup.Escape(r.PatientControlNumber),
                Markup.Escape(r.PayerClaimNumber), Markup.Escape(r.Category), MoneyFormat.Money(r.DeniedAmount),
                r.RecoveryProbability is { } p ? p.ToString("P0", CultureInfo.InvariantCulture) : "-",
                r.ExpectedRecovery is { } ev ? MoneyFormat.Money(ev) : "-",
                r.Priority.ToString("N2", CultureInfo.InvariantCulture),
                MoneyFormat.Money(r.RecoveredAmount), Markup.Escape(r.Status.Code));
        console.Write(table);
        console.MarkupLineInterpolated($"{rows.Count} case(s), highest priority first (priority: expected recovery, raised as the deadline nears, 0 once it passed)");
        return 0;
    }

    /// <summary>Any provider, and a SQLite database that does not exist yet or needs a migration: migrated first, then read with EF Core.</summary>
    internal async Task<List<CaseListItem>> ReadThroughEfCoreAsync(CasesListSettings settings, DenialCaseStatus? status, string? kind, CancellationToken ct)
    {
        await using var services = await settings.OpenDatabaseAsync(console, ct);
        var query = services.Get<AppealsDbContext>().DenialCases.AsNoTracking();
        if (status is { } s) query = query.Where(c => c.Status == s);
        if (kind is not null) query = query.Where(c => c.Kind == kind);
        // The queue's order exactly (its index IX_DenialCases_Queue): priority is stored as a number SQLite can sort.
        return await query.OrderByDescending(c => c.Priority).ThenBy(c => c.Id)
            .Select(c => new CaseListItem(c.Id, c.Kind, c.ShortfallAmount, c.Payer!.Name, c.PatientControlNumber, c.PayerClaimControlNumber,
                c.Category, c.DeniedAmount, c.RecoveredAmount, c.Status, c.RecoveryProbability, c.ExpectedRecovery, c.Priority,
                c.AppealDeadline, c.DeadlineBasis, c.TakenBackAmount))
            .ToListAsync(ct);
    }
}
