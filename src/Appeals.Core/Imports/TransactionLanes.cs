using Appeals.Core.Persistence;
using Appeals.Core.Persistence.BulkInsert;
using Appeals.Core.Privacy;
using Appeals.Core.Remittances;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Appeals.Core.Imports;

/// <summary>
/// The file's transactions written to the database, on PostgreSQL two at a time (ADR 0136). Each of two lanes has its own
/// connection, context and bulk writer; transaction k+1 is written on one lane while the server still works on transaction
/// k on the other (its COPYs' triggers, its cases, its COMMIT, its handlers), so that two server backends and the importer
/// work at once. Each transaction stays all or nothing in its own database transaction, duplicates are still caught by the
/// unique keys (ADR 0110/0111), and what a transaction reads or decides happens in file order (<see cref="WriteOrder"/>).
/// Outcomes are reported in file order, on the caller's flow, with the warnings the lane gathered for them. SQLite and SQL
/// Server (one writer) keep one lane, written as before: each transaction done before the next is read in.
/// </summary>
internal sealed class TransactionLanes : IAsyncDisposable
{
    /// <summary>Set to 1 to write PostgreSQL imports one transaction at a time (for comparing; the default is 2).</summary>
    internal const string LanesVariable = "APPEALS_POSTGRES_IMPORT_LANES";

    private readonly ImportRun _run;
    private readonly Lane[] _lanes;
    private readonly Queue<InFlight> _inFlight = new();
    private WriteOrder? _last;
    private int _next;
    private bool _streaming;

    private TransactionLanes(ImportRun run, Lane[] lanes) => (_run, _lanes) = (run, lanes);

    /// <summary>The lanes of one file being imported: two on PostgreSQL (a second connection is opened), else one.</summary>
    public static async Task<TransactionLanes> OpenAsync(ImportRun run, long importedFileId, CancellationToken ct)
    {
        TransactionLanes OneLane() => new TransactionLanes(run, [new Lane(new TransactionWriter(run, importedFileId), null, null)]);
        if (run.Db is not PostgreSqlAppealsDbContext || Environment.GetEnvironmentVariable(LanesVariable) == "1") return OneLane();
        var options = (DbContextOptions)run.Db.GetService<IDbContextOptions>();
        var second = new PostgreSqlAppealsDbContext(options);
        RemittanceTables? tables = null;
        try
        {
            await second.Database.OpenConnectionAsync(ct);
            tables = new RemittanceTables(second);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or InvalidOperationException)
        {
            // No second connection (the server's limit, say): the file is written one transaction at a time, as before.
            run.Logger.LogWarning("A second connection for the import could not be opened ({Error}); writing one transaction at a time", ex.GetType().Name);
            tables?.Dispose();
            await second.DisposeAsync();
            return OneLane();
        }
        // Each lane reports warnings into a summary of its own, moved into the file's when its transaction is counted:
        // the lanes run beside the caller, which adds the reader's warnings meanwhile.
        ImportRun LaneRun(AppealsDbContext db, RemittanceTables laneTables, ImportSummary scratch) =>
            new(db, run.Detector, run.Time, run.Logger, run.Handlers, run.Preparers, laneTables, scratch, run.WithoutDatabase);
        var first = new ImportSummary();
        var other = new ImportSummary();
        return new TransactionLanes(run, [
            new Lane(new TransactionWriter(LaneRun(run.Db, run.Tables!, first), importedFileId), first, null),
            new Lane(new TransactionWriter(LaneRun(second, tables, other), importedFileId), other, (second, tables)),
        ]);
    }

    /// <summary>
    /// Writes <paramref name="part"/> (see <see cref="TransactionWriter.WriteAsync"/>) and calls <paramref name="done"/> with
    /// its outcome once it is known: at once with one lane, else during a later call or <see cref="AbandonAsync"/>, always
    /// in file order and on the caller's flow. A transaction in parts (ADR 0090) is written alone, after those in flight.
    /// </summary>
    public async Task WriteAsync(Remittance part, SealedClaimPhi? sealedPhi, bool continued, string fileName, Action<TransactionOutcome> done, CancellationToken ct)
    {
        if (_lanes.Length == 1 || continued || _streaming)
        {
            await DrainAsync();
            var lane = _lanes[0];
            lane.Writer.Order = null;
            _streaming = continued;
            var outcome = await lane.Writer.WriteAsync(part, sealedPhi, continued, fileName, ct);
            lane.MoveWarningsTo(_run.Summary);
            if (outcome is not null) done(outcome);
            return;
        }
        // The lane's previous transaction (the older of the two in flight) is counted before the lane takes this one.
        while (_inFlight.Count >= _lanes.Length || _inFlight.Count > 0 && _inFlight.Peek().Task.IsCompleted) await CollectAsync();
        var next = _lanes[_next];
        _next = (_next + 1) % _lanes.Length;
        var order = new WriteOrder(_last);
        _last = order;
        next.Writer.Order = order;
        // On the thread pool: the COPYs are synchronous, and the caller goes on to read the next transaction meanwhile.
        var task = Task.Run(async () =>
        {
            try
            {
                return (await next.Writer.WriteAsync(part, sealedPhi, continued: false, fileName, ct))!;
            }
            finally
            {
                order.Done();
            }
        }, CancellationToken.None);
        _inFlight.Enqueue(new InFlight(task, next, done));
    }

    /// <summary>Waits for the transactions in flight and reports them; then rolls back a transaction left part-written (true if there was one).</summary>
    public async Task<bool> AbandonAsync()
    {
        await DrainAsync();
        _streaming = false;
        return await _lanes[0].Writer.AbandonAsync();
    }

    private async Task DrainAsync()
    {
        while (_inFlight.Count > 0) await CollectAsync();
    }

    private async Task CollectAsync()
    {
        var flight = _inFlight.Dequeue();
        TransactionOutcome outcome;
        try
        {
            outcome = await flight.Task;
        }
        catch
        {
            // The other lane must be finished before the caller unwinds and the contexts go.
            while (_inFlight.TryDequeue(out var other))
            {
                try { await other.Task; }
                catch (Exception ex) { _run.Logger.LogDebug(ex, "A transaction in flight beside a failed one also failed"); }
            }
            throw;
        }
        flight.Lane.MoveWarningsTo(_run.Summary);
        flight.Done(outcome);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var flight in _inFlight)
        {
            try { await flight.Task; }
            catch (Exception ex) { _run.Logger.LogDebug(ex, "A transaction in flight failed while the import stopped"); }
        }
        _inFlight.Clear();
        foreach (var lane in _lanes)
        {
            if (lane.Owned is not { } owned) continue;
            owned.Tables.Dispose();
            await owned.Db.DisposeAsync();
        }
    }

    /// <summary>A writer on its own connection; <c>Scratch</c> holds its warnings until its transaction is counted.</summary>
    private sealed record Lane(TransactionWriter Writer, ImportSummary? Scratch, (AppealsDbContext Db, RemittanceTables Tables)? Owned)
    {
        public void MoveWarningsTo(ImportSummary summary)
        {
            if (Scratch is null || Scratch.Warnings.Count == 0) return;
            summary.Warnings.AddRange(Scratch.Warnings);
            Scratch.Warnings.Clear();
        }
    }

    private sealed record InFlight(Task<TransactionOutcome> Task, Lane Lane, Action<TransactionOutcome> Done);
}

/// <summary>
/// What a transaction written beside the one before it waits for (ADR 0136), so that it reads and decides what it would
/// have read and decided after that one: its preparation (duplicate check, payer, ids, cases, their deadlines and scores;
/// the preparers and the detector are used by one transaction at a time) after the previous one's; a reversal looked up
/// among stored claims after the previous transaction ended (committed or rolled back); its cases, which lock rollup rows,
/// and so its COMMIT and its handlers, after the previous transaction's handlers, so that those never see it and the
/// handlers run one at a time in file order. Every wait points at an earlier transaction, which never waits for a later
/// one, so the lanes cannot wait on each other in a circle.
/// </summary>
internal sealed class WriteOrder(WriteOrder? previous)
{
    private readonly TaskCompletionSource _prepared = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _handled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WriteOrder? _previous = previous;

    public Task PreviousPreparedAsync(CancellationToken ct) => _previous?._prepared.Task.WaitAsync(ct) ?? Task.CompletedTask;

    public Task PreviousEndedAsync(CancellationToken ct) => _previous?._ended.Task.WaitAsync(ct) ?? Task.CompletedTask;

    public Task PreviousHandledAsync(CancellationToken ct) => _previous?._handled.Task.WaitAsync(ct) ?? Task.CompletedTask;

    /// <summary>This transaction's cases are built, planned and scored: the next one may prepare its own.</summary>
    public void Prepared() => _prepared.TrySetResult();

    /// <summary>This transaction is committed or rolled back.</summary>
    public void Ended() => _ended.TrySetResult();

    /// <summary>This transaction is written and handled, or failed: nothing waits for it any more.</summary>
    public void Done()
    {
        _prepared.TrySetResult();
        _ended.TrySetResult();
        _handled.TrySetResult();
        _previous = null; // the chain of finished transactions is not kept
    }
}
