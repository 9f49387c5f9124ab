namespace Appeals.Core.Remittances.X12;

/// <summary>
/// Where copied-out transactions are mapped (ADR 0012): on worker threads, one fewer than the processors,
/// and on the reader's own thread whenever it is far enough ahead. Jobs are taken oldest first; the reader
/// hands results out in file order whichever finishes first. Each thread has its own code cache and
/// scratch lists. Idle workers sleep on a monitor rather than spin, and the reader maps a job itself
/// rather than sleep: on a small virtual machine every wake-up of a sleeping thread is expensive.
/// </summary>
internal sealed class TransactionWorkers : IDisposable
{
    private readonly string _fileName;
    private readonly int _size;
    private readonly Queue<TransactionJob> _queue = new();
    private readonly object _work = new();  // guards the queue; idle workers wait on it
    private readonly object _done = new();  // the reader waits on it for a job a worker is mapping
    private readonly List<Thread> _threads = [];
    private readonly MappingScratch _here = new();
    private int _idle;
    private bool _stopping;

    internal TransactionWorkers(string fileName, int size)
    {
        _fileName = fileName;
        _size = size;
    }

    /// <summary>One worker per processor beyond the reader's own, up to three.</summary>
    internal static TransactionWorkers ForThisMachine(string fileName) =>
        new(fileName, Math.Clamp(Environment.ProcessorCount - 1, 0, 3));

    /// <summary>
    /// Jobs started and not yet handed out: bounds memory to that many transactions. Enough that a job
    /// finished out of order rarely makes the reader wait (on the bench file 6 to 10 read alike; fewer
    /// made the reader sleep on the oldest job).
    /// </summary>
    internal int MaxInFlight => 4 * (_size + 1);

    /// <summary>
    /// Copied jobs no thread has taken yet; past this the reader maps one itself instead of scanning on.
    /// One per worker keeps a job waiting for each worker as it finishes, so workers do not sleep.
    /// </summary>
    internal int MaxAhead => _size + 1;

    internal int Unstarted
    {
        get
        {
            lock (_work) return _queue.Count;
        }
    }

    internal void Start(TransactionJob job)
    {
        lock (_work)
        {
            _queue.Enqueue(job);
            if (_idle > 0) Monitor.Pulse(_work);
            else if (_threads.Count < _size)
            {
                var thread = new Thread(Work) { IsBackground = true, Name = "835 transaction mapping" };
                _threads.Add(thread);
                thread.Start();
            }
        }
    }

    /// <summary>Maps the oldest job no thread has taken, on the calling (reader's) thread; false when there is none.</summary>
    internal bool RunOneHere()
    {
        TransactionJob? job;
        lock (_work)
            if (!_queue.TryDequeue(out job)) return false;
        job.Run(_here, _fileName);
        return true;
    }

    /// <summary>Blocks until <paramref name="job"/>, taken by a worker, has run.</summary>
    internal void Wait(TransactionJob job)
    {
        if (job.IsDone) return;
        lock (_done)
            while (!job.IsDone) Monitor.Wait(_done);
    }

    private void Work()
    {
        var scratch = new MappingScratch();
        while (true)
        {
            TransactionJob job;
            lock (_work)
            {
                while (_queue.Count == 0 && !_stopping)
                {
                    _idle++;
                    Monitor.Wait(_work);
                    _idle--;
                }
                if (_stopping) return;
                job = _queue.Dequeue();
            }
            job.Run(scratch, _fileName);
            lock (_done) Monitor.PulseAll(_done);
        }
    }

    public void Dispose()
    {
        // Enumeration may stop early: jobs not yet taken are dropped, running ones finish first.
        lock (_work)
        {
            _stopping = true;
            Monitor.PulseAll(_work);
        }
        foreach (var thread in _threads) thread.Join();
        foreach (var job in _queue) job.Discard();
        _queue.Clear();
    }
}
