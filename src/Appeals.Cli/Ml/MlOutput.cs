using Spectre.Console;

namespace Appeals.Cli.Ml;

/// <summary>How the ML commands report a refusal: one red line naming the problem, exit code 2.</summary>
internal static class MlOutput
{
    public const int FailedExitCode = 2;

    public static int Fail(IAnsiConsole console, string message)
    {
        console.MarkupLine($"[red]error:[/] {Markup.Escape(message)}");
        return FailedExitCode;
    }
}
