using Spectre.Console.Cli;

namespace Appeals.Cli.Demo;

public static class DemoCommands
{
    public static IConfigurator AddDemoCommands(this IConfigurator config)
    {
        config.AddBranch("demo", demo =>
        {
            demo.SetDescription("Synthetic demo data");
            demo.AddCommand<DemoGenerateCommand>("generate")
                .WithDescription("Write realistic synthetic 835 files (fictional payers and patients), calibrated from published denial benchmarks")
                .WithExample("demo", "generate", "--out", "demo-data")
                .WithExample("demo", "generate", "--out", "demo-data", "--seed", "7", "--claims", "5000");
        });
        return config;
    }
}
