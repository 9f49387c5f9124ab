using Spectre.Console.Cli;

namespace Appeals.Cli.Keys;

public static class KeysCommands
{
    public static IConfigurator AddKeysCommands(this IConfigurator config)
    {
        config.AddBranch("keys", keys =>
        {
            keys.SetDescription("The key ring that protects patient data and the audit key");
            keys.AddCommand<KeysRotateCommand>("rotate")
                .WithDescription("Create a new master key, re-seal every data key and the audit key under it, and revoke the old master keys (stop the web app first)")
                .WithExample("keys", "rotate")
                .WithExample("keys", "rotate", "--keys", "/var/lib/appeals/keys", "--json");
        });
        return config;
    }
}
