using Spectre.Console.Cli;

namespace Appeals.Cli.Audit;

public static class AuditCommands
{
    public static IConfigurator AddAuditCommands(this IConfigurator config)
    {
        config.AddBranch("audit", audit =>
        {
            audit.SetDescription("The audit log");
            audit.AddCommand<AuditVerifyCommand>("verify")
                .WithDescription("Check the audit log against its key and signed checkpoint; exit 2 when a row was changed, deleted, reordered, recomputed or cut off the end")
                .WithExample("audit", "verify")
                .WithExample("audit", "verify", "--json");
        });
        return config;
    }
}
