using System.Text.Json;
using Spectre.Console;

namespace Appeals.Cli.Tests.Common;

/// <summary>Runs the real `appeals` command app in-process with a recording console.</summary>
internal sealed record CliRun(int ExitCode, string Output)
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 240;
        var exit = await AppealsCli.Create(console).RunAsync(args, TestContext.Current.CancellationToken);
        return new CliRun(exit, output.ToString());
    }

    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Output);
        return document.RootElement.Clone();
    }
}
