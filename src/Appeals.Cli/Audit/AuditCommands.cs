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
                .WithDescription("Recompute the audit log's hash chain; exit 2 when a row was changed, deleted or reordered")
                .WithExample("audit", "verify")
                .WithExample("audit", "verify", "--json");
        });
        return config;
    }
}
