using Appeals.Cli.Common;
using Appeals.Core.Imports;
using Microsoft.Extensions.Configuration;

namespace Appeals.Cli.Tests.Common;

public sealed class DatabaseSettingsTests
{
    [Fact]
    public void BuildConfiguration_CommandLineValues_WinOverEverythingElse()
    {
        var settings = new DatabaseSettings { ConnectionString = "Data Source=chosen.db", Provider = "sqlite" };

        var configuration = settings.BuildConfiguration();

        Assert.Equal("Data Source=chosen.db", configuration.GetConnectionString("Appeals"));
        Assert.Equal("sqlite", configuration["Database:Provider"]);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("sqlite", true)]
    [InlineData("sqlserver", true)]
    [InlineData("oracle", false)]
    public void Validate_Provider_AcceptsOnlySqliteAndSqlServer(string? provider, bool valid)
    {
        Assert.Equal(valid, new DatabaseSettings { Provider = provider }.Validate().Successful);
    }

    [Fact]
    public async Task OpenServices_ResolvingTheImporter_NeitherOpensNorCreatesTheDatabase()
    {
        // What lets `import --dry-run` run without a database (ADR 0074).
        using var temp = new TempFolder();
        var settings = new DatabaseSettings { ConnectionString = temp.ConnectionString };

        await using (var services = settings.OpenServices(Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings())))
            Assert.NotNull(services.Get<RemittanceImporter>());

        Assert.False(File.Exists(temp.DatabaseFile));
    }

    [Fact]
    public async Task AnyDatabaseCommand_UnknownProvider_IsRefused()
    {
        var run = await CliRun.RunAsync("cases", "list", "--provider", "oracle");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--provider", run.Output);
    }
}
