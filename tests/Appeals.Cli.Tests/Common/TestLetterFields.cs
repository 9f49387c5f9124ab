using System.Runtime.CompilerServices;

namespace Appeals.Cli.Tests.Common;

/// <summary>
/// The appellant's fields an admin configures (<c>Letters:Fields:*</c>), from the environment as the real tool reads them,
/// so that letters can be rendered from the CLI in tests. A letter still needs the specialist's own fields (--field).
/// </summary>
internal static class TestLetterFields
{
    public const string AppellantName = "Synthetic Clinic";

    [ModuleInitializer]
    internal static void Configure()
    {
        Environment.SetEnvironmentVariable("Letters__Fields__AppellantName", AppellantName);
        Environment.SetEnvironmentVariable("Letters__Fields__AppellantContact", "billing@example.test");
        Environment.SetEnvironmentVariable("Letters__Fields__PracticeAddress", "1 Example Way, Springfield");
    }
}
