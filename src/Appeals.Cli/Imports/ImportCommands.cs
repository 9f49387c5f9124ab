using Spectre.Console.Cli;

namespace Appeals.Cli.Imports;

public static class ImportCommands
{
    public static IConfigurator AddImportCommands(this IConfigurator config)
    {
        config.AddCommand<ImportCommand>("import")
            .WithDescription("Import 835 remittance files or folders; finds and classifies the denials in them")
            .WithExample("import", "inbox/")
            .WithExample("import", "era1.835", "era2.835", "--json")
            .WithExample("import", "inbox/", "--dry-run");
        return config;
    }
}
