using Spectre.Console.Cli;

namespace Appeals.Cli.Contracts;

public static class ContractCommands
{
    public static IConfigurator AddContractCommands(this IConfigurator config)
    {
        config.AddBranch("contracts", contracts =>
        {
            contracts.SetDescription("Payer contracts (fee schedules) that paid lines are compared with to find underpayments");
            contracts.AddCommand<ContractsImportCommand>("import")
                .WithDescription("Import a contract CSV (payer_id,procedure_code,modifier,allowed_amount,effective_from,effective_to); all or nothing")
                .WithExample("contracts", "import", "fee-schedule.csv")
                .WithExample("contracts", "import", "fee-schedule.csv", "--json");
        });
        return config;
    }
}
