using Appeals.Core.Imports;
using Microsoft.Extensions.Options;

namespace Appeals.Workflows.Outcomes;

/// <summary>Configuration section <c>Outcomes</c>.</summary>
public sealed class OutcomeOptions
{
    /// <summary>A payer claim number or patient control number shared by more stored claims than this is not matched by (ADR 0075).</summary>
    public int MaxClaimsPerMatchKey { get; set; } = ClaimMatchKeys.DefaultMaxClaimsPerKey;
}

/// <summary>
/// Records what a newly imported remittance says about open denial cases (see <see cref="EraOutcomes"/>).
/// Scoped: one import run shares what it learned about identifiers too common to match by.
/// </summary>
public sealed class EraOutcomeHandler(Routing.WorkflowDefinitions definitions, TimeProvider time, IOptions<OutcomeOptions>? options = null) : IImportedRemittanceHandler
{
    private readonly ClaimMatchKeys _keys = new(options?.Value.MaxClaimsPerMatchKey ?? ClaimMatchKeys.DefaultMaxClaimsPerKey);

    /// <summary>Records with <see cref="EraOutcomes.PerCase"/>, the reference the set-based write is tested against.</summary>
    internal bool PerCase { get; init; }

    public async Task HandleAsync(ImportedRemittance imported, CancellationToken ct)
    {
        var outcomes = new EraOutcomes(imported.Db, definitions, time, _keys) { PerCase = PerCase, PassedOver = imported.OpenedAfterOutcomes };
        if (imported.ClaimsHeld)
            await outcomes.RecordAsync(imported.RemittanceId, imported.Remittance.Claims.Select(ClaimKey.From).ToList(), imported.Warn, ct);
        else
            await outcomes.RecordStoredAsync(imported.RemittanceId, imported.Warn, ct);
    }
}
