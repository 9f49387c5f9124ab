using Appeals.Cli;
using Spectre.Console;

return await AppealsCli.Create(AnsiConsole.Console).RunAsync(args);
