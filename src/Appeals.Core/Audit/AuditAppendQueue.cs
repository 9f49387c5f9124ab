using System.Threading.Channels;
using Appeals.Core.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Appeals.Core.Audit;

/// <summary>
/// Group commit for the audit log (ADR 0086). Appends that carry no other change (page views, downloads, sign-ins)
/// queue here; one writer takes whatever has queued, appends it as one transaction, and releases every caller once it
/// is committed. Twenty concurrent page views cost one transaction instead of twenty back-to-back ones, and each view
/// still answers only after its row is durable. A singleton of the web host; its writer stops when it is disposed.
/// </summary>
public sealed class AuditAppendQueue : IAsyncDisposable
{
    private const int MaxBatch = 500;
    private readonly Channel<Pending> _pending = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly Task _writer;

    public AuditAppendQueue(IServiceScopeFactory scopes, TimeProvider clock)
    {
        _scopes = scopes;
        _clock = Clock.AsOfClock.RealTime(clock);
        _writer = Task.Run(WriteAsync);
    }

    private sealed record Pending(AuditEntry Entry, TaskCompletionSource Committed);

    /// <summary>Returns once <paramref name="entry"/> is committed (its Id and Hash set); throws what the commit threw.</summary>
    public Task AppendAsync(AuditEntry entry, CancellationToken ct)
    {
        var pending = new Pending(entry, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_pending.Writer.TryWrite(pending)) throw new ObjectDisposedException(nameof(AuditAppendQueue));
        // A caller that gives up still has its row written: the action it records did happen.
        return pending.Committed.Task.WaitAsync(ct);
    }

    private async Task WriteAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _pending.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var next)) batch.Add(next);
            try
            {
                await CommitAsync(batch.Select(p => p.Entry).ToList());
                foreach (var p in batch) p.Committed.TrySetResult();
            }
            catch (Exception) when (batch.Count > 1)
            {
                // One bad row must not fail the others that happened to share its transaction: write them one by one.
                foreach (var p in batch) await CommitOneAsync(p);
            }
            catch (Exception e)
            {
                batch[0].Committed.TrySetException(e);
            }
            batch.Clear();
        }
    }

    private async Task CommitOneAsync(Pending p)
    {
        try
        {
            await CommitAsync([p.Entry]);
            p.Committed.TrySetResult();
        }
        catch (Exception e) { p.Committed.TrySetException(e); }
    }

    private async Task CommitAsync(IReadOnlyList<AuditEntry> entries)
    {
        foreach (var entry in entries) entry.Id = 0;
        await using var scope = _scopes.CreateAsyncScope();
        await AuditAppender.AppendAsync(scope.ServiceProvider.GetRequiredService<AppealsDbContext>(), entries, _clock, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await _writer;
    }
}
