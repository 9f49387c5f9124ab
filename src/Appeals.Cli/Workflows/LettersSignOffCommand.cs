using System.ComponentModel;
using Appeals.Cli.Common;
using Appeals.Core.Audit;
using Appeals.Workflows;
using Appeals.Workflows.Letters;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Appeals.Cli.Workflows;

public sealed class LettersSignOffSettings : DatabaseSettings
{
    [CommandArgument(0, "<LETTER>")]
    [Description("The letter version id (printed by letters render --json)")]
    public long LetterId { get; init; }
}

/// <summary>`appeals letters sign-off LETTER`: a user's sign-off, which the workflow needs before submission.</summary>
public sealed class LettersSignOffCommand(IAnsiConsole console) : AsyncCommand<LettersSignOffSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, LettersSignOffSettings settings, CancellationToken cancellationToken)
    {
        await using var services = await settings.OpenDatabaseAsync(console, cancellationToken);
        var letters = services.Get<CaseLetters>();
        var result = await services.Get<AuditLog>().RecordAsync(
            () => letters.SignOffAsync(settings.LetterId, DatabaseSettings.Actor, cancellationToken),
            r => CaseAuditRecords.LetterSignedOff(r, DatabaseSettings.Actor), cancellationToken);
        if (settings.Json)
            JsonOutput.Write(console, new { letterId = settings.LetterId, signedOff = result.Succeeded, by = result.Letter?.SignedOffBy, errors = result.Errors });
        else if (result.Letter is { } letter)
            console.MarkupLineInterpolated($"Letter {letter.Id} (case {letter.DenialCaseId}, version {letter.VersionNumber}) signed off by {letter.SignedOffBy}.");
        else
            foreach (var error in result.Errors) console.MarkupLineInterpolated($"[red]{error}[/]");
        return result.Succeeded ? 0 : 1;
    }
}
