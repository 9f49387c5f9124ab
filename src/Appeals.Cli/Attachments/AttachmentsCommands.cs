using Spectre.Console.Cli;

namespace Appeals.Cli.Attachments;

public static class AttachmentsCommands
{
    public static IConfigurator AddAttachmentsCommands(this IConfigurator config)
    {
        config.AddBranch("attachments", attachments =>
        {
            attachments.SetDescription("Case attachments stored under Storage:Path");
            attachments.AddCommand<AttachmentsSealCommand>("seal")
                .WithDescription("Seal, in place, attachment files that older builds wrote plain (safe to run again; the web app may keep running)")
                .WithExample("attachments", "seal")
                .WithExample("attachments", "seal", "--storage", "/var/lib/appeals/files", "--json");
        });
        return config;
    }
}
