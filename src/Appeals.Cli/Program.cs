using Appeals.Cli;
using Appeals.Core.Persistence;
using Spectre.Console;

// Before any connection: a command uses each SQLite connection from one thread at a time (ADR 0140).
SqliteLibrary.UseOneThreadPerConnection();
return await AppealsCli.Create(AnsiConsole.Console).RunAsync(args);
