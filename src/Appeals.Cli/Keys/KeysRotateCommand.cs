using System.ComponentModel;
using Appeals.Cli.Common;
using Appeals.Core.Persistence;
using Appeals.Core.Privacy;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Appeals.Cli.Keys;

/// <summary>The database options, and the key ring folder when it is not the configured one.</summary>
public sealed class KeysRotateSettings : DatabaseSettings
{
    [CommandOption("--keys <FOLDER>")]
    [Description("The PHI key ring folder (default: DataProtection:KeysPath, see README)")]
    public string? KeysPath { get; init; }

    [CommandOption("--session-keys <FOLDER>")]
    [Description("The sessions key ring folder (default: DataProtection:SessionKeysPath, else session-keys beside the PHI ring)")]
    public string? SessionKeysPath { get; init; }

    [CommandOption("--keep-sessions")]
    [Description("Rotate the PHI ring only: leave the sessions ring (sign-in cookies) as it is, so nobody is signed out")]
    public bool KeepSessions { get; init; }

    protected override void AddOverrides(IDictionary<string, string?> overrides)
    {
        base.AddOverrides(overrides);
        if (KeysPath is not null) overrides["DataProtection:KeysPath"] = KeysPath;
        if (SessionKeysPath is not null) overrides["DataProtection:SessionKeysPath"] = SessionKeysPath;
    }
}

/// <summary>
/// `appeals keys rotate [--keys FOLDER] [--session-keys FOLDER] [--keep-sessions] [--json]`: a new master key in the PHI ring,
/// every data key and the audit key re-sealed under it, the old master keys revoked (ADR 0087); then the sessions ring's keys
/// replaced and revoked too, unless --keep-sessions (ADR 0103). Exit 1, with nothing changed, when the PHI ring cannot open a key.
/// Run it with the web app stopped on every node: a running app keeps its cached rings until it restarts.
/// </summary>
public sealed class KeysRotateCommand(IAnsiConsole console) : AsyncCommand<KeysRotateSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, KeysRotateSettings settings, CancellationToken cancellationToken)
    {
        await using var services = await settings.OpenDatabaseAsync(console, cancellationToken);
        PhiKeyRotationResult result;
        try
        {
            result = await PhiKeyRotation.RotateAsync(services.Get<AppealsDbContext>(), settings.BuildConfiguration(), TimeProvider.System, cancellationToken);
        }
        catch (PhiKeyRotationException ex)
        {
            if (settings.Json) JsonOutput.Write(console, new { rotated = false, error = ex.Message });
            else console.MarkupLineInterpolated($"[red]Not rotated[/]: {ex.Message}");
            return 1;
        }
        var sessions = settings.KeepSessions ? null : SessionKeyRotation.Rotate(settings.BuildConfiguration(), TimeProvider.System);
        if (settings.Json)
            JsonOutput.Write(console, new
            {
                rotated = true, keysPath = result.KeysPath, newMasterKeyId = result.NewMasterKeyId, revokedMasterKeyIds = result.RevokedMasterKeyIds,
                dataKeysResealed = result.DataKeysResealed, auditKeyResealed = result.AuditKeyResealed, protection = result.Protection.ToString(),
                sessions = new
                {
                    rotated = sessions?.NewKeyId is not null, keysPath = sessions?.KeysPath, newKeyId = sessions?.NewKeyId,
                    revokedKeyIds = sessions?.RevokedKeyIds ?? [], skipped = sessions is null ? "--keep-sessions" : sessions.Skipped,
                },
            });
        else
        {
            console.MarkupLineInterpolated($"[green]Rotated[/]: master key {result.NewMasterKeyId} in {result.KeysPath} ({result.Protection}).");
            console.MarkupLineInterpolated($"{result.DataKeysResealed} data key(s) and {(result.AuditKeyResealed ? "the" : "no")} audit key re-sealed; {result.RevokedMasterKeyIds.Count} old master key(s) revoked.");
            if (sessions is null) console.WriteLine("Sessions ring kept (--keep-sessions): sign-ins stay valid.");
            else if (sessions.NewKeyId is null) console.MarkupLineInterpolated($"Sessions ring not rotated: {sessions.Skipped}.");
            else console.MarkupLineInterpolated($"Sessions ring rotated in {sessions.KeysPath}: {sessions.RevokedKeyIds.Count} old key(s) revoked; everyone signs in again.");
            console.WriteLine("Start the web app again (every node) so it reads the new keys. Back both key ring folders up now: older copies open nothing any more.");
        }
        return 0;
    }
}
