using System.Runtime.CompilerServices;
using Appeals.Core.Privacy;

namespace Appeals.Cli.Tests.Common;

/// <summary>
/// The Data Protection key ring of the test run. The commands run in-process and read
/// DataProtection__KeysPath from the environment like the real tool, so set it before any test:
/// otherwise they would create keys in the user's default folder.
/// </summary>
internal static class TestKeyRing
{
    public static string KeysPath { get; } = Path.Combine(Path.GetTempPath(), "appeals-cli-tests", "keys-" + Environment.ProcessId);

    /// <summary>The protector the commands use, for tests that open the database themselves.</summary>
    public static PhiProtector Protector { get; } = PhiKeyRing.Open(KeysPath);

    [ModuleInitializer]
    internal static void UseTestKeyRing() => Environment.SetEnvironmentVariable("DataProtection__KeysPath", KeysPath);
}
