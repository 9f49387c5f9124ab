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
        config.AddCommand<ValidateCommand>("validate")
            .WithDescription("Check 835 files against the implementation guide (WEDI SNIP levels 1-5) without importing; exit 2 when the import would refuse something")
            .WithExample("validate", "era1.835")
            .WithExample("validate", "inbox/", "--json", "--level", "3");
        return config;
    }
}
