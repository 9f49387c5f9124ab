using Appeals.Core.Imports;
using Appeals.Core.Persistence;

namespace Appeals.Workflows.Outcomes;

/// <summary>Records what a newly imported remittance says about open denial cases (see <see cref="EraOutcomes"/>).</summary>
public sealed class EraOutcomeHandler(Routing.WorkflowDefinitions definitions, TimeProvider time) : IImportedRemittanceHandler
{
    public Task HandleAsync(AppealsDbContext db, long remittanceId, CancellationToken ct) =>
        new EraOutcomes(db, definitions, time).RecordAsync(remittanceId, ct);
}
