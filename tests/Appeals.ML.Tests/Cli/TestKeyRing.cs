using System.Runtime.CompilerServices;

namespace Appeals.ML.Tests.Cli;

/// <summary>
/// The commands run in-process and read DataProtection__KeysPath from the environment like the real
/// tool (ADR 0071): point it at a temp folder so the tests never create keys in the user's default folder.
/// </summary>
internal static class TestKeyRing
{
    [ModuleInitializer]
    internal static void UseTestKeyRing() => Environment.SetEnvironmentVariable("DataProtection__KeysPath",
        Path.Combine(Path.GetTempPath(), "appeals-ml-tests", "keys-" + Environment.ProcessId));
}
