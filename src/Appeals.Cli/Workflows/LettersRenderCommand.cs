using System.ComponentModel;
using Appeals.Cli.Common;
using Appeals.Core.Audit;
using Appeals.Workflows;
using Appeals.Workflows.Letters;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Appeals.Cli.Workflows;

public sealed class LettersRenderSettings : DatabaseSettings
{
    [CommandArgument(0, "<CASE>")]
    [Description("The denial case id")]
    public long CaseId { get; init; }

    [CommandOption("--out <FILE>")]
    [Description("Also write the letter to this .docx (plain, with the patient's name and member id): needs --allow-phi-file")]
    public string Out { get; init; } = "";

    [CommandOption("--allow-phi-file")]
    [Description("Confirm that --out may write patient data to a plain file outside the encrypted database (ADR 0089)")]
    public bool AllowPhiFile { get; init; }

    [CommandOption("--field <NAME=VALUE>")]
    [Description("A letter field the specialist supplies (Argument, Enclosures, ...); repeatable")]
    public string[] Fields { get; init; } = [];

    [CommandOption("--kind <KIND>")]
    [Description("The template to use (default: chosen from the case's route, payer type and category)")]
    public string? Kind { get; init; }

    public override ValidationResult Validate()
    {
        if (Out.Length > 0 && !AllowPhiFile)
            return ValidationResult.Error("--out writes the patient's name and member id to a plain .docx outside the encrypted database. " +
                "Add --allow-phi-file to confirm (the file is made readable by you only, and the audit log records it), " +
                "or leave --out off: the letter is stored encrypted and downloads from the case page.");
        if (Fields.Any(f => !f.Contains('=', StringComparison.Ordinal))) return ValidationResult.Error("--field takes NAME=VALUE");
        if (Kind is not null && !LetterKinds.All.Contains(Kind)) return ValidationResult.Error($"--kind must be one of: {string.Join(", ", LetterKinds.All)}");
        return base.Validate();
    }
}

/// <summary>`appeals letters render CASE --out FILE.docx`: stores a new letter version and writes it; exit 1 naming every missing field.</summary>
public sealed class LettersRenderCommand(IAnsiConsole console) : AsyncCommand<LettersRenderSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, LettersRenderSettings settings, CancellationToken cancellationToken)
    {
        await using var services = await settings.OpenDatabaseAsync(console, cancellationToken);
        var letters = services.Get<CaseLetters>();
        var entered = settings.Fields.Select(f => f.Split('=', 2)).ToDictionary(p => p[0].Trim(), p => p[1], StringComparer.Ordinal);

        var result = await services.Get<AuditLog>().RecordAsync(
            () => letters.GenerateAsync(settings.CaseId, entered, DatabaseSettings.Actor, settings.Kind, cancellationToken),
            r => CaseAuditRecords.LetterGenerated(r, DatabaseSettings.Actor, settings.CaseId) is { } record && settings.Out.Length > 0
                ? record with { Details = record.Details + "; also written to a plain .docx outside the app (--out)" }
                : CaseAuditRecords.LetterGenerated(r, DatabaseSettings.Actor, settings.CaseId), cancellationToken);
        if (result.Letter is { } written && settings.Out.Length > 0)
            await WritePrivateFileAsync(settings.Out, written.Content, cancellationToken);
        if (settings.Json)
        {
            JsonOutput.Write(console, new
            {
                caseId = settings.CaseId, written = result.Succeeded, letterId = result.Letter?.Id, file = result.Succeeded && settings.Out.Length > 0 ? settings.Out : null,
                kind = result.Letter?.Kind, version = result.Letter?.VersionNumber, sha256 = result.Letter?.Sha256, errors = result.Errors,
            });
        }
        else if (result.Letter is { } letter)
        {
            console.MarkupLineInterpolated($"Letter {letter.Id} ({letter.Kind} version {letter.VersionNumber}, sha256 {letter.Sha256}) stored{(settings.Out.Length > 0 ? $" and written to {settings.Out}" : "")}. Sign it off before submitting.");
        }
        else
        {
            foreach (var error in result.Errors) console.MarkupLineInterpolated($"[red]{error}[/]");
        }
        return result.Succeeded ? 0 : 1;
    }

    /// <summary>A new file only its owner can read (mode 600 on Linux and macOS): it holds a patient's name and member id.</summary>
    private static async Task WritePrivateFileAsync(string path, byte[] content, CancellationToken ct)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using var file = new FileStream(path, options);
        await file.WriteAsync(content, ct);
    }
}

public sealed class LettersMakeTemplatesSettings : CommandSettings
{
    [CommandOption("--out <DIR>")]
    [Description("The folder to write KIND.docx files into (default: templates/letters)")]
    public string Out { get; init; } = Path.Combine("templates", "letters");
}

/// <summary>`appeals letters make-templates --out DIR`: writes the shipped templates from code.</summary>
public sealed class LettersMakeTemplatesCommand(IAnsiConsole console) : Command<LettersMakeTemplatesSettings>
{
    public override int Execute(CommandContext context, LettersMakeTemplatesSettings settings, CancellationToken cancellationToken)
    {
        LetterTemplateWriter.WriteAll(settings.Out);
        console.MarkupLineInterpolated($"{LetterKinds.All.Count} templates written to {settings.Out}");
        return 0;
    }
}
