using Appeals.Core.Denials;
using Appeals.Core.Imports;
using Appeals.Core.Persistence;
using Appeals.Core.Remittances;
using Appeals.ML.Scoring;
using Appeals.Workflows.Deadlines;
using Appeals.Workflows.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Appeals.Workflows.NewCases;

/// <summary>
/// Completes the cases a remittance opens before the importer stores them: each gets its appeal deadline from the
/// payer's rules (so the queue and `deadlines list` show it at once, not after the daily sweep), then its score
/// (batch, the compiled trees of ADR 0044) and priority. When an import ends the queue is already in priority
/// order, with no job having run, and no case was written twice (ADR 0075).
/// </summary>
/// <remarks>Scoped: the model is opened once per import run, on the first remittance that opens a case.</remarks>
public sealed class NewCasePreparation(CarcCatalog catalog, IOptions<ModelsOptions> options, TimeProvider time) : INewCasePreparer
{
    private readonly Dictionary<long, Payer> _payers = [];
    private IRecoveryScorer? _scorer;

    public async Task<Action> PrepareAsync(AppealsDbContext db, Remittance remittance, IReadOnlyList<DenialCase> cases, CancellationToken ct)
    {
        if (cases.Count == 0) return () => { };
        var payer = await PayerAsync(db, remittance.PayerId, ct);
        // A book per remittance: a rule an admin changes during a long import applies from the next remittance on.
        var planner = new CaseDeadlinePlanner(db, new AppealRuleBook(db));
        foreach (var denial in cases)
        {
            denial.Payer = payer;
            await planner.PlanAsync(denial, ct);
        }

        _scorer ??= options.Value.Store().OpenScorer(catalog);
        var scorer = _scorer;
        var remarks = RemarksOf(remittance, cases);
        var now = time.GetUtcNow();
        return () =>
        {
            CaseRescorer.Score(scorer, cases, remarks, now);
            foreach (var denial in cases) denial.Payer = null; // the bulk writer stores the id; the payer row exists
        };
    }

    private async Task<Payer> PayerAsync(AppealsDbContext db, long payerId, CancellationToken ct)
    {
        if (_payers.TryGetValue(payerId, out var payer)) return payer;
        payer = await db.Payers.AsNoTracking().FirstAsync(p => p.Id == payerId, ct);
        return _payers[payerId] = payer;
    }

    /// <summary>The RARCs (qualifier HE) of the cases' claims, from the remittance in memory, as the model reads them from the database.</summary>
    private static Dictionary<long, string[]> RemarksOf(Remittance remittance, IReadOnlyList<DenialCase> cases)
    {
        var claimIds = cases.Select(c => c.ClaimPaymentId).ToHashSet();
        return remittance.Claims.Where(c => claimIds.Contains(c.Id))
            .ToDictionary(c => c.Id, c => c.RemarkCodes.Where(r => r.Qualifier == "HE").Select(r => r.Code).Distinct().ToArray());
    }
}
