using System.Diagnostics;
using System.Globalization;
using Appeals.Core.Privacy;
using Appeals.Core.Remittances;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Appeals.Bench;

/// <summary>
/// The CPU cost of encrypting one claim's patient identity (ADR 0071): the envelope encryption the app uses
/// (AES-256-GCM under a cached data key) against one Data Protection <c>Protect</c> per value (the first
/// design), on the same key ring settings, single-threaded, µs of process CPU per value.
/// </summary>
internal sealed class PhiBenchmark : IBenchScenario
{
    public string Name => "phi";
    public string Description => "µs of CPU per encrypted patient identity, envelope vs Data Protection [--values 200000]";

    public Task<int> RunAsync(string[] args)
    {
        var i = Array.IndexOf(args, "--values");
        var values = i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : 200_000;
        var keys = Path.Combine(Path.GetTempPath(), $"appeals-bench-phi-{Environment.ProcessId}");
        try
        {
            var envelope = PhiKeyRing.Open(keys);
            var services = new ServiceCollection();
            services.AddDataProtection().SetApplicationName(PhiKeyRing.ApplicationName).PersistKeysToFileSystem(new DirectoryInfo(keys))
                .UseCryptographicAlgorithms(new AuthenticatedEncryptorConfiguration
                {
                    EncryptionAlgorithm = EncryptionAlgorithm.AES_256_GCM,
                    ValidationAlgorithm = ValidationAlgorithm.HMACSHA256,
                });
            using var provider = services.BuildServiceProvider();
            var dataProtection = provider.GetRequiredService<IDataProtectionProvider>().CreateProtector(PhiProtector.Purpose);
            // Synthetic names of typical length (ZZ prefix: never a real person).
            var identities = Enumerable.Range(0, 1000)
                .Select(n => PatientIdentity.Pack(new PatientIdentity($"ZZLAST{n:D5}", $"ZZFIRST{n % 97}", $"ZZMEMBER{n:D9}"))).ToArray();

            var stored = new string[values];
            Report("envelope protect", values, k => stored[k] = envelope.Protect(identities[k % identities.Length]));
            Report("envelope unprotect", values, k => envelope.Unprotect(stored[k]));
            Report("data protection protect", values, k => stored[k] = dataProtection.Protect(identities[k % identities.Length]));
            Report("data protection unprotect", values, k => dataProtection.Unprotect(stored[k]));
            return Task.FromResult(0);
        }
        finally
        {
            if (Directory.Exists(keys)) Directory.Delete(keys, recursive: true);
        }
    }

    private static void Report(string what, int values, Action<int> run)
    {
        for (var k = 0; k < Math.Min(values, 5000); k++) run(k); // JIT, key ring load
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        for (var k = 0; k < values; k++) run(k);
        var cpuMicros = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / values;
        Console.WriteLine($"{what,-26} {cpuMicros,6:F2} µs CPU, {wall.Elapsed.TotalMicroseconds / values,6:F2} µs wall per value ({values} values)");
    }
}
