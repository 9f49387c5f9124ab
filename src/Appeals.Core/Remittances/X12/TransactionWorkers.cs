namespace Appeals.Core.Remittances.X12;

/// <summary>
/// Threads that map copied-out transactions while the reader scans on (ADR 0012). Each thread keeps its
/// own code cache; jobs are taken in the order they were started, and the reader hands results out in
/// that order whichever finishes first. Idle threads sleep on a monitor: thread-pool workers spin
/// between work items, and on two cores that spinning took the time the mapping needed.
/// With one processor there are no threads: a job runs when it is started.
/// </summary>
internal sealed class TransactionWorkers : IDisposable
{
    private readonly string _fileName;
    private readonly int _size;
    private readonly Queue<TransactionJob> _queue = new();
    private readonly object _work = new();  // guards the queue; idle threads wait on it
    private readonly object _done = new();  // the reader waits on it for a job to finish
    private readonly List<Thread> _threads = [];
    private readonly X12CodeCache _inlineCodes = new();
    private int _idle;
    private bool _stopping;

    internal TransactionWorkers(string fileName, int size)
    {
        _fileName = fileName;
        _size = size;
    }

    /// <summary>As many threads as processors, up to four: beyond that the scan on the reader's thread is the limit.</summary>
    internal static TransactionWorkers ForThisMachine(string fileName) =>
        new(fileName, Environment.ProcessorCount <= 1 ? 0 : Math.Min(Environment.ProcessorCount, 4));

    /// <summary>How many jobs the reader may have started and not yet handed out: bounds memory to that many transactions.</summary>
    internal int MaxInFlight => _size + 1;

    internal void Start(TransactionJob job)
    {
        if (_size == 0)
        {
            job.Run(_inlineCodes, _fileName);
            return;
        }
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

    /// <summary>Blocks until <paramref name="job"/> has run.</summary>
    internal void Wait(TransactionJob job)
    {
        if (job.IsDone) return;
        lock (_done)
            while (!job.IsDone) Monitor.Wait(_done);
    }

    private void Work()
    {
        var codes = new X12CodeCache();
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
            job.Run(codes, _fileName);
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
