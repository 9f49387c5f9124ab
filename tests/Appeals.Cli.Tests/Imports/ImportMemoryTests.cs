using System.Diagnostics;
using System.Text.Json;
using Appeals.Cli.Tests.Common;
using Appeals.Core.Remittances;
using Appeals.Core.Remittances.X12;
using Appeals.Tests.Shared;

namespace Appeals.Cli.Tests.Imports;

/// <summary>
/// One transaction of many claims imports within a bound on the managed heap (ADR 0090): the built command runs as
/// its own process with the runtime's hard heap limit, so going over the bound fails the import instead of passing
/// unnoticed. Read whole, this transaction's claims alone would not fit.
/// </summary>
public sealed class ImportMemoryTests
{
    private const int Claims = 40_000; // about 13 MB in one ST..SE
    private const string HeapLimit = "0x6000000"; // 96 MB: it needs 65-80 MB in parts; read whole it fails at 96 MB

    [Fact]
    public async Task Import_OneLargeTransaction_StaysWithinABoundedManagedHeap()
    {
        using var temp = new TempFolder();
        var file = temp.Sub("one-transaction.835");
        await using (var writer = new StreamWriter(file))
            new Remittance835Writer(writer).WriteInterchange([OneLargeTransaction()]);

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "appeals.dll"), "import", file, "--db", temp.ConnectionString, "--json" })
            start.ArgumentList.Add(arg);
        start.Environment["DOTNET_GCHeapHardLimit"] = HeapLimit;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {await error}");
        using var json = JsonDocument.Parse(await output);
        Assert.Equal((1, Claims, Claims / 4), (json.RootElement.GetProperty("transactions").GetInt32(),
            json.RootElement.GetProperty("claims").GetInt32(), json.RootElement.GetProperty("denialCases").GetInt32()));
    }

    private static Remittance OneLargeTransaction() => SyntheticEra.Transaction("TRACE-LARGE", Claims);
}
