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

    protected override void AddOverrides(IDictionary<string, string?> overrides)
    {
        base.AddOverrides(overrides);
        if (KeysPath is not null) overrides["DataProtection:KeysPath"] = KeysPath;
    }
}

/// <summary>
/// `appeals keys rotate [--keys FOLDER] [--json]`: a new master key in the PHI ring, every data key and the audit key re-sealed
/// under it, the old master keys revoked (ADR 0087). Exit 1, with nothing changed, when the ring cannot open a key.
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
        if (settings.Json)
            JsonOutput.Write(console, new
            {
                rotated = true, keysPath = result.KeysPath, newMasterKeyId = result.NewMasterKeyId, revokedMasterKeyIds = result.RevokedMasterKeyIds,
                dataKeysResealed = result.DataKeysResealed, auditKeyResealed = result.AuditKeyResealed, protection = result.Protection.ToString(),
            });
        else
        {
            console.MarkupLineInterpolated($"[green]Rotated[/]: master key {result.NewMasterKeyId} in {result.KeysPath} ({result.Protection}).");
            console.MarkupLineInterpolated($"{result.DataKeysResealed} data key(s) and {(result.AuditKeyResealed ? "the" : "no")} audit key re-sealed; {result.RevokedMasterKeyIds.Count} old master key(s) revoked.");
            console.WriteLine("Back the key ring folder up now: older copies of it open nothing in this database any more.");
        }
        return 0;
    }
}
