using Appeals.Core.Audit;
using Appeals.Core.Persistence;

namespace Appeals.Web.Audit;

/// <summary>
/// The audit chain's last verification, shared by every view of the Audit page (issue 14 item 8): walking a million rows
/// on each view costs seconds of CPU, so a view shows the result of the last walk when it is younger than
/// <c>Audit:VerifyIntervalMinutes</c> (10), and an auditor can ask for a fresh one. One walk at a time; callers that
/// arrive during one wait for it and share its result.
/// </summary>
public sealed class AuditChainStatus(TimeProvider clock, IConfiguration configuration)
{
    private readonly SemaphoreSlim _walking = new(1, 1);
    private (AuditVerification Result, DateTimeOffset At)? _latest;

    private TimeSpan MaxAge => TimeSpan.FromMinutes(configuration.GetValue("Audit:VerifyIntervalMinutes", 10));

    /// <summary>The latest result, walking the chain again when it is older than the interval or <paramref name="fresh"/> is asked.</summary>
    public async Task<(AuditVerification Result, DateTimeOffset At)> GetAsync(AppealsDbContext db, bool fresh, CancellationToken ct)
    {
        var asked = clock.GetUtcNow();
        if (!fresh && _latest is { } known && asked - known.At < MaxAge) return known;
        await _walking.WaitAsync(ct);
        try
        {
            // A walk that started after this caller asked answers it too.
            if (_latest is { } done && done.At >= asked) return done;
            var result = await AuditVerifier.VerifyAsync(db, ct);
            _latest = (result, clock.GetUtcNow());
            return _latest.Value;
        }
        finally { _walking.Release(); }
    }
}
