using Hangfire;
using Hangfire.Common;
using Hangfire.States;

namespace Appeals.Workflows.Tests.Support;

/// <summary>A Hangfire client that keeps the jobs it is given instead of storing them; tests run them by hand.</summary>
internal sealed class RecordingJobClient : IBackgroundJobClient
{
    public List<Job> Created { get; } = [];

    public string Create(Job job, IState state)
    {
        Created.Add(job);
        return $"job-{Created.Count}";
    }

    public bool ChangeState(string jobId, IState state, string expectedState) => true;
}
