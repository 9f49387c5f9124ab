using System.ComponentModel;
using Appeals.Cli.Common;
using Appeals.Core.Audit;
using Appeals.Workflows.Letters;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Appeals.Cli.Workflows;

public sealed class LettersUploadTemplateSettings : DatabaseSettings
{
    [CommandArgument(0, "<KIND>")]
    [Description("The letter kind, e.g. medical_necessity (see letters make-templates for the shipped ones)")]
    public string Kind { get; init; } = "";

    [CommandArgument(1, "<FILE>")]
    [Description("The new template (.docx) with {{Field}} placeholders")]
    public string File { get; init; } = "";
}

/// <summary>
/// `appeals letters upload-template KIND FILE`: an admin's new template version, used for every letter
/// generated after it, once it has passed the checks (opens as .docx, known placeholders only, validator clean).
/// </summary>
public sealed class LettersUploadTemplateCommand(IAnsiConsole console) : AsyncCommand<LettersUploadTemplateSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, LettersUploadTemplateSettings settings, CancellationToken cancellationToken)
    {
        if (!System.IO.File.Exists(settings.File))
        {
            console.MarkupLineInterpolated($"[red]No such file: {settings.File}[/]");
            return 1;
        }
        await using var services = await settings.OpenDatabaseAsync(console, cancellationToken);
        var store = services.Get<LetterTemplateStore>();
        var user = DatabaseSettings.Actor;
        var (template, errors) = await store.UploadAsync(settings.Kind, await System.IO.File.ReadAllBytesAsync(settings.File, cancellationToken),
            user, cancellationToken);
        // Written exactly as the web admin page writes it: a template version is part of every letter's history.
        if (template is not null)
            await services.Get<AuditLog>().AppendAsync(user, AuditActions.TemplateUpload, "LetterTemplate",
                template.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                details: $"{template.Kind} version {template.Version} sha256 {template.Sha256}", ct: cancellationToken);
        if (settings.Json)
            JsonOutput.Write(console, new { kind = settings.Kind, stored = template is not null, version = template?.Version, sha256 = template?.Sha256, errors });
        else if (template is not null)
            console.MarkupLineInterpolated($"Template {template.Kind} version {template.Version} stored (sha256 {template.Sha256}); new letters use it.");
        else
            foreach (var error in errors) console.MarkupLineInterpolated($"[red]{error}[/]");
        return template is not null ? 0 : 1;
    }
}
