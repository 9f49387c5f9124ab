using Spectre.Console.Cli;

namespace Appeals.Cli.Workflows;

/// <summary>The workflow feature's commands: cases advance, letters render / make-templates, deadlines list.</summary>
public static class WorkflowCommands
{
    /// <summary>
    /// Adds <c>letters</c> and <c>deadlines</c>. Spectre does not merge two branches of one name (the first
    /// wins), so <c>cases advance</c> is added inside the existing <c>cases</c> branch with
    /// <see cref="AddCaseWorkflowCommands"/>.
    /// </summary>
    public static IConfigurator AddWorkflowCommands(this IConfigurator config)
    {
        config.AddBranch("letters", letters =>
        {
            letters.SetDescription("Appeal letters");
            letters.AddCommand<LettersRenderCommand>("render")
                .WithDescription("Generate a case's letter as a new stored version and write it to a .docx file")
                .WithExample("letters", "render", "42", "--field", "Argument=The visit met the policy.")
                .WithExample("letters", "render", "42", "--out", "appeal.docx", "--allow-phi-file", "--field", "Argument=The visit met the policy.");
            letters.AddCommand<LettersSignOffCommand>("sign-off")
                .WithDescription("Sign off a letter version (needed before the case can be submitted)")
                .WithExample("letters", "sign-off", "7");
            letters.AddCommand<LettersUploadTemplateCommand>("upload-template")
                .WithDescription("Store an admin's new template version after validating it; new letters use it")
                .WithExample("letters", "upload-template", "medical_necessity", "my-template.docx");
            letters.AddCommand<LettersMakeTemplatesCommand>("make-templates")
                .WithDescription("Write the shipped letter templates (.docx) into a folder")
                .WithExample("letters", "make-templates", "--out", "templates/letters");
        });
        config.AddBranch("deadlines", deadlines =>
        {
            deadlines.SetDescription("Payer appeal deadlines");
            deadlines.AddCommand<DeadlinesListCommand>("list")
                .WithDescription("Open cases whose filing deadline falls within DAYS, and cases flagged for a missing rule")
                .WithExample("deadlines", "list", "--due-within", "14");
            deadlines.AddCommand<DeadlinesSweepCommand>("sweep")
                .WithDescription("Run the daily deadline sweep now: plan missing deadlines, send due reminders, mark passed ones missed")
                .WithExample("deadlines", "sweep", "--json");
        });
        return config;
    }

    /// <summary>Adds <c>advance</c> to the <c>cases</c> branch: call it inside <c>config.AddBranch("cases", ...)</c>.</summary>
    public static IConfigurator<CommandSettings> AddCaseWorkflowCommands(this IConfigurator<CommandSettings> cases)
    {
        cases.AddCommand<CasesAdvanceCommand>("advance")
            .WithDescription("Move a case's workflow with a trigger (e.g. start, submit, paid, close)")
            .WithExample("cases", "advance", "42", "start")
            .WithExample("cases", "advance", "42", "approve_write_off", "--manager", "--reason", "Below threshold");
        return cases;
    }
}
