using Appeals.Cli.Audit;
using Appeals.Cli.Cases;
using Appeals.Cli.Demo;
using Appeals.Cli.Imports;
using Appeals.Cli.Reports;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Appeals.Cli;

/// <summary>The one `appeals` command app. Each feature registers its commands with its own extension method.</summary>
public static class AppealsCli
{
    /// <summary>Builds the app writing to <paramref name="console"/>: the real console, or a recording one in tests.</summary>
    public static CommandApp Create(IAnsiConsole console)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("appeals");
            config.Settings.Console = console;
            config.Settings.PropagateExceptions = false;
            config.AddImportCommands();
            config.AddCaseCommands();
            config.AddDemoCommands();
            config.AddAuditCommands();
            config.AddReportCommands();
            // Other features add theirs here: AddMlCommands (ml), AddReportCommands (analytics), AddWorkflowCommands (workflows).
        });
        return app;
    }
}
