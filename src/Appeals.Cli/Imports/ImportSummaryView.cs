using System.Globalization;
using Appeals.Core.Imports;
using Spectre.Console;
using static Appeals.Core.Formatting.MoneyFormat;

namespace Appeals.Cli.Imports;

/// <summary>The readable form of an import summary: counts, money, then every warning and error with its location.</summary>
internal static class ImportSummaryView
{
    public static void Write(IAnsiConsole console, ImportSummary s, bool dryRun)
    {
        var table = new Table().Border(TableBorder.Rounded).HideHeaders()
            .AddColumn("").AddColumn(new TableColumn("").RightAligned());
        console.MarkupLine(dryRun ? "[bold]Import[/] (dry run: nothing was written, and the database was not read: files imported before are not counted as duplicates)" : "[bold]Import[/]");
        Row(table, "Files", s.Files);
        Row(table, "  imported", s.Imported);
        Row(table, "  duplicates", s.Duplicates);
        Row(table, "  rejected", s.Rejected);
        Row(table, "Transactions", s.Transactions);
        Row(table, "Claims", s.Claims);
        Row(table, "Service lines", s.ServiceLines);
        Row(table, "Adjustments", s.Adjustments);
        Row(table, "Denial cases", s.DenialCases);
        table.AddRow("Charged", Money(s.ChargedAmount));
        table.AddRow("Paid", Money(s.PaidAmount));
        table.AddRow("Denied", Money(s.DeniedAmount));
        console.Write(table);

        foreach (var warning in s.Warnings)
            console.MarkupLineInterpolated($"[yellow]warning[/] {warning}");
        foreach (var error in s.Errors)
            console.MarkupLineInterpolated($"[red]error[/] {error.File}: segment {error.Segment} at byte {error.Offset}: {error.Message}");
    }

    private static void Row(Table table, string label, int value) =>
        table.AddRow(label, value.ToString("N0", CultureInfo.InvariantCulture));
}
