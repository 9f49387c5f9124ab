namespace Appeals.Bench;

/// <summary>One measurement that prints its own figures. Each scenario lives in its own file.</summary>
internal interface IBenchScenario
{
    string Name { get; }
    string Description { get; }
    Task<int> RunAsync(string[] args);
}
