namespace Appeals.Web.Tests.Hosting;

/// <summary>
/// Tests that start the web app run one at a time: Hangfire keeps process-wide state (DESIGN.md), and
/// each start imports demo data, which two cores do not want twice at once.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WebCollection
{
    public const string Name = "web app";
}
