using System.ComponentModel;
using System.Globalization;
using Appeals.Analytics;
using Appeals.Cli.Common;
using Appeals.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Appeals.Cli.Reports;

/// <summary>The dashboard's filters on the command line; every KPI and chart applies them.</summary>
public class ReportSettings : DatabaseSettings
{
    [CommandOption("--from <DATE>")]
    [Description("First denial date to include (yyyy-MM-dd)")]
    public string? From { get; init; }

    [CommandOption("--to <DATE>")]
    [Description("Last denial date to include (yyyy-MM-dd)")]
    public string? To { get; init; }

    [CommandOption("--payer <PAYER>")]
    [Description("Only this payer: its identifier, name or id")]
    public string? Payer { get; init; }

    [CommandOption("--provider-id <NPI>")]
    [Description("Only this rendering provider (NPI; --provider is the database provider)")]
    public string? ProviderId { get; init; }

    [CommandOption("--category <CATEGORY>")]
    [Description("Only this denial category, e.g. authorization_referral")]
    public string? Category { get; init; }

    public override ValidationResult Validate()
    {
        foreach (var (name, value) in new[] { ("--from", From), ("--to", To) })
            if (value is not null && !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                return ValidationResult.Error($"{name} must be a date as yyyy-MM-dd");
        return base.Validate();
    }

    /// <summary>
    /// What every report command starts from: the database open, its scope, and the filter with
    /// --payer resolved. Null (after saying so on the console) when no payer matches.
    /// </summary>
    public async Task<ReportSession?> OpenReportAsync(IAnsiConsole console, CancellationToken ct)
    {
        var services = await OpenDatabaseAsync(console, ct);
        if (await FilterAsync(services.Get<AppealsDbContext>(), ct) is { } filter) return new ReportSession(services, filter);
        await services.DisposeAsync();
        console.MarkupLineInterpolated($"[red]No payer matches[/] {Payer}");
        return null;
    }

    /// <summary>The filter, with --payer resolved to a payer id; null when no payer matches.</summary>
    public async Task<AnalyticsFilter?> FilterAsync(AppealsDbContext db, CancellationToken ct)
    {
        long? payerId = null;
        if (!string.IsNullOrWhiteSpace(Payer))
        {
            var id = long.TryParse(Payer, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
            payerId = await db.Payers.Where(p => p.Identifier == Payer || p.Name == Payer || p.Id == id).Select(p => (long?)p.Id).FirstOrDefaultAsync(ct);
            if (payerId is null) return null;
        }
        return new AnalyticsFilter(Date(From), Date(To), payerId, ProviderId, Category);
    }

    private static DateOnly? Date(string? value) =>
        value is null ? null : DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>The command's services (the database open) and the report's filter; disposing closes both.</summary>
public sealed class ReportSession(CliServiceScope services, AnalyticsFilter filter) : IAsyncDisposable
{
    public CliServiceScope Services { get; } = services;
    public AnalyticsFilter Filter { get; } = filter;

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}
