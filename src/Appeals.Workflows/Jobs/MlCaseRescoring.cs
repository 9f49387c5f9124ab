using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Appeals.ML.Scoring;
using Microsoft.Extensions.Options;

namespace Appeals.Workflows.Jobs;

/// <summary>Configuration section <c>Models</c> (shared with the ML commands).</summary>
public sealed class ModelsOptions
{
    public string Path { get; set; } = ModelStore.DefaultDirectory;
    public int MinimumOutcomes { get; set; } = ModelStore.DefaultMinimumOutcomes;
}

/// <summary>Nightly rescoring through Appeals.ML: the newest model in <c>Models:Path</c>, else the base rates.</summary>
public sealed class MlCaseRescoring(AppealsDbContext db, CarcCatalog catalog, IOptions<ModelsOptions> options, TimeProvider time) : ICaseRescoring
{
    public Task<int> RescoreOpenCasesAsync(CancellationToken ct)
    {
        var scorer = new ModelStore(options.Value.Path, options.Value.MinimumOutcomes).OpenScorer(catalog);
        return new CaseRescorer(db, scorer, time).RescoreOpenCasesAsync(ct);
    }
}
