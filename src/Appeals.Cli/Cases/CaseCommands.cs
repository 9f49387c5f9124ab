using Appeals.Cli.Workflows;
using Spectre.Console.Cli;

namespace Appeals.Cli.Cases;

public static class CaseCommands
{
    public static IConfigurator AddCaseCommands(this IConfigurator config)
    {
        config.AddBranch("cases", cases =>
        {
            cases.SetDescription("Denial cases");
            cases.AddCommand<CasesListCommand>("list")
                .WithDescription("List denial cases, largest denied amount first")
                .WithExample("cases", "list")
                .WithExample("cases", "list", "--status", "open", "--json")
                .WithExample("cases", "list", "--kind", "underpayment");
            cases.AddCaseWorkflowCommands();
        });
        return config;
    }
}
