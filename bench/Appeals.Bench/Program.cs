using System.Reflection;
using Appeals.Bench;

// `dotnet run -c Release --project bench/Appeals.Bench -- SCENARIO [options]`
// Scenarios are discovered by reflection so that each lives in its own file.
var scenarios = Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => typeof(IBenchScenario).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IBenchScenario)Activator.CreateInstance(t)!)
    .OrderBy(s => s.Name, StringComparer.Ordinal)
    .ToList();

var scenario = args.Length > 0 ? scenarios.FirstOrDefault(s => s.Name == args[0]) : null;
if (scenario is null)
{
    Console.WriteLine("usage: bench SCENARIO [options]");
    foreach (var s in scenarios) Console.WriteLine($"  {s.Name,-12} {s.Description}");
    return args.Length == 0 ? 0 : 2;
}
// Everything here runs inside this process: figures for finding where time goes, never a target met on the user's path.
if (scenario.Name != "era-files")
    Console.WriteLine($"[{scenario.Name}] IN-PROCESS MICRO-BENCHMARK: targets are judged on whole processes (bench/import-path.sh).");
return await scenario.RunAsync(args[1..]);
