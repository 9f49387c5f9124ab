using Appeals.Cli.Attachments;
using Appeals.Cli.Audit;
using Appeals.Cli.Cases;
using Appeals.Cli.Contracts;
using Appeals.Cli.Demo;
using Appeals.Cli.Imports;
using Appeals.Cli.Keys;
using Appeals.Cli.Ml;
using Appeals.Cli.Reports;
using Appeals.Cli.Workflows;
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
            // An option the command does not have is an error, not something quietly ignored (a removed --user must not look accepted).
            config.UseStrictParsing();
            config.AddImportCommands();
            config.AddCaseCommands();
            config.AddContractCommands();
            config.AddDemoCommands();
            config.AddMlCommands();
            config.AddReportCommands();
            config.AddWorkflowCommands();
            config.AddAuditCommands();
            config.AddKeysCommands();
            config.AddAttachmentsCommands();
        });
        return app;
    }
}
