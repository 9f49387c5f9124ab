using Appeals.Cli.Imports;
using Appeals.Core.Imports;
using Spectre.Console;

namespace Appeals.Cli.Tests.Imports;

public sealed class ImportProgressBarTests
{
    [Fact]
    public void Report_PerFileBytes_AdvancesOverTheWholeBatch()
    {
        var task = new ProgressTask(1, "Importing", 100, autoStart: false);
        var bar = new ImportProgressBar(task);

        bar.Report(new ImportProgress("a.835", 50, 100, 0, 4));
        Assert.Equal(0.5, task.Value, 3);
        bar.Report(new ImportProgress("a.835", 100, 100, 1, 4));
        Assert.Equal(1.0, task.Value, 3);
        bar.Report(new ImportProgress("b.835", 25, 100, 1, 4));
        Assert.Equal(1.25, task.Value, 3);
        bar.Report(new ImportProgress("d.835", 10, 10, 4, 4));

        Assert.Equal(4, task.MaxValue);
        Assert.Equal(4, task.Value, 3);
        Assert.Contains("4/4", task.Description);
    }
}
