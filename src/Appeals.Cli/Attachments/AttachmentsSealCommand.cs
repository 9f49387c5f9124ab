using System.ComponentModel;
using System.Globalization;
using Appeals.Cli.Common;
using Appeals.Core.Audit;
using Appeals.Core.Cases;
using Appeals.Core.Persistence;
using Appeals.Core.Privacy;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Appeals.Cli.Attachments;

/// <summary>The database options, and the storage folder when it is not the configured one.</summary>
public sealed class AttachmentsSealSettings : DatabaseSettings
{
    [CommandOption("--storage <FOLDER>")]
    [Description("The storage folder that holds attachments/ (default: Storage:Path, see README)")]
    public string? StoragePath { get; init; }

    protected override void AddOverrides(IDictionary<string, string?> overrides)
    {
        base.AddOverrides(overrides);
        if (StoragePath is not null) overrides["Storage:Path"] = StoragePath;
    }
}

/// <summary>
/// `appeals attachments seal [--storage FOLDER] [--json]`: seals the plain attachment files of builds before ADR 0089 in place
/// (ADR 0104) and says what it found. Exit 0 when every attachment's file is now sealed, 2 when some are missing or do not match
/// their recorded SHA-256 (listed by attachment id, left as they are). Audited as the operating-system user.
/// </summary>
public sealed class AttachmentsSealCommand(IAnsiConsole console) : AsyncCommand<AttachmentsSealSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, AttachmentsSealSettings settings, CancellationToken cancellationToken)
    {
        await using var services = await settings.OpenDatabaseAsync(console, cancellationToken);
        var db = services.Get<AppealsDbContext>();
        var root = AttachmentStorage.Root(settings.BuildConfiguration());
        var result = await PlainAttachmentSealing.SealAsync(db, services.Get<PhiProtector>(), root, cancellationToken);
        await services.Get<AuditLog>().AppendAsync(DatabaseSettings.Actor, AuditActions.AttachmentsSeal, details: string.Create(CultureInfo.InvariantCulture,
            $"{result.Attachments} attachments: {result.SealedNow} sealed now, {result.AlreadySealed} already sealed, {result.Missing.Count} missing, {result.Unmatched.Count} unmatched"),
            ct: cancellationToken);
        var complete = result.Missing.Count == 0 && result.Unmatched.Count == 0;
        if (settings.Json)
            JsonOutput.Write(console, new
            {
                storage = root, attachments = result.Attachments, sealedNow = result.SealedNow, alreadySealed = result.AlreadySealed,
                missing = result.Missing, unmatched = result.Unmatched, complete,
            });
        else
        {
            console.MarkupLineInterpolated($"{result.Attachments} attachment(s) in {root}: [green]{result.SealedNow} sealed now[/], {result.AlreadySealed} already sealed.");
            if (result.Missing.Count > 0)
                console.MarkupLineInterpolated($"[yellow]File missing[/] for attachment(s) {string.Join(", ", result.Missing)}: restore them from a backup of {root}.");
            if (result.Unmatched.Count > 0)
                console.MarkupLineInterpolated($"[red]Not sealed[/]: the files of attachment(s) {string.Join(", ", result.Unmatched)} neither open with the key ring nor match the SHA-256 recorded at upload (changed on disk, or sealed under another key ring); they were left as they are.");
        }
        return complete ? 0 : 2;
    }
}
