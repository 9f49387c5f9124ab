namespace Appeals.Workflows.Tests.Jobs;

/// <summary>
/// Hangfire keeps process-wide state (job activator, log provider, global filters): tests that start a
/// Hangfire server or call AddHangfire run one at a time in this collection.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HangfireCollection
{
    public const string Name = "Hangfire";
}
