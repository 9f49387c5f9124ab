using System.ComponentModel;
using Appeals.Cli.Common;
using Appeals.Core.Remittances.X12.Validation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Appeals.Cli.Imports;

public sealed class ValidateSettings : CommandSettings
{
    [CommandArgument(0, "<PATH>")]
    [Description("835 files, or folders to check every file in")]
    public string[] Paths { get; init; } = [];

    [CommandOption("--json")]
    [Description("Print one JSON object instead of a readable report")]
    public bool Json { get; init; }

    [CommandOption("--level <N>")]
    [Description("Check WEDI SNIP levels 1 to N only (1 syntax, 2 requirements, 3 balancing, 4 situational, 5 code sets); default 5")]
    public int Level { get; init; } = 5;

    public override ValidationResult Validate()
    {
        if (Level is < 1 or > 5) return ValidationResult.Error("--level must be 1 to 5");
        var missing = Paths.FirstOrDefault(p => !File.Exists(p) && !Directory.Exists(p));
        return missing is not null ? ValidationResult.Error($"No such file or folder: {missing}") : ValidationResult.Success();
    }
}

/// <summary>The answer of <c>appeals validate --json</c>: every file with its findings, and the totals.</summary>
public sealed record ValidateReport(IReadOnlyList<ValidatedFile> Files, int Findings, int Refusing, int Warnings);

/// <summary>One file: its findings in file order and how many there are per level and severity.</summary>
public sealed record ValidatedFile(string File, int Transactions, int RefusedTransactions, bool Refused,
    IReadOnlyList<LevelCount> Counts, IReadOnlyList<ValidationFinding> Findings);

public sealed record LevelCount(int Level, string Severity, int Count);

/// <summary>
/// `appeals validate`: reads each file as the importer does and reports every implementation-guide finding,
/// importing nothing and needing no database. Exit 0 when the importer would refuse nothing, 2 otherwise.
/// </summary>
public sealed class ValidateCommand(IAnsiConsole console) : Command<ValidateSettings>
{
    public override int Execute(CommandContext context, ValidateSettings settings, CancellationToken cancellationToken)
    {
        var files = new List<ValidatedFile>();
        foreach (var path in Expand(settings.Paths))
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            var result = FileValidation.Read(stream, Path.GetFileName(path)).UpToLevel(settings.Level);
            files.Add(new ValidatedFile(result.File, result.Transactions, result.RefusedTransactions, result.Refused, Count(result.Findings), result.Findings));
        }
        var all = files.SelectMany(f => f.Findings).ToList();
        var report = new ValidateReport(files, all.Count, all.Count(f => f.Refuses), all.Count(f => !f.Refuses));
        if (settings.Json) JsonOutput.Write(console, report);
        else Write(report, settings.Level);
        return report.Refusing == 0 ? 0 : ImportCommand.RejectedExitCode;
    }

    private static List<LevelCount> Count(IEnumerable<ValidationFinding> findings) =>
        findings.GroupBy(f => (f.Level, f.Severity)).OrderBy(g => g.Key.Level).ThenBy(g => g.Key.Severity, StringComparer.Ordinal)
            .Select(g => new LevelCount(g.Key.Level, g.Key.Severity, g.Count())).ToList();

    /// <summary>Files as named, and every file of a named folder except the CSVs that travel with ERAs.</summary>
    private static IEnumerable<string> Expand(IEnumerable<string> paths) =>
        paths.SelectMany<string, string>(p => Directory.Exists(p)
            ? Directory.EnumerateFiles(p, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System })
                .Where(f => !f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal)
            : [p]);

    private void Write(ValidateReport report, int level)
    {
        console.MarkupLine($"[bold]Validate[/] (WEDI SNIP levels 1 to {level}; nothing was imported)");
        foreach (var file in report.Files)
        {
            var counts = file.Counts.Count == 0 ? "no findings" : string.Join(", ", file.Counts.Select(c => $"level {c.Level} {c.Severity}: {c.Count}"));
            console.MarkupLineInterpolated($"[bold]{file.File}[/]: {file.Transactions} transaction(s), {file.RefusedTransactions} would be refused; {counts}");
            foreach (var f in file.Findings)
                console.MarkupLineInterpolated($"  [{(f.Refuses ? "red" : "yellow")}]{f.Severity}[/] segment {f.Segment} ({f.SegmentId}{(f.Element.Length > 0 ? " " + f.Element : "")}) at byte {f.Offset}: [[{f.Rule}]] {f.Message}");
        }
        console.MarkupLineInterpolated($"{report.Files.Count} file(s): {report.Refusing} refusing finding(s), {report.Warnings} warning(s).");
    }
}
