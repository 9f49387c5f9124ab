using System.Text.Json;
using Appeals.Cli.Tests.Common;

namespace Appeals.Cli.Tests.Ml;

public sealed class TrainCommandTests
{
    [Fact]
    public async Task Train_Json_PrintsTheModelAndMetadataPathsAndTheMetrics()
    {
        using var temp = new TempFolder();
        var demo = await CliRun.RunAsync("demo", "generate", "--out", temp.Sub("demo"), "--claims", "600", "--seed", "3");
        Assert.Equal(0, demo.ExitCode);
        var model = temp.Sub("model.zip");

        var run = await CliRun.RunAsync("ml", "train", "--history", Path.Combine(temp.Sub("demo"), "history.csv"), "--model-out", model, "--json");

        Assert.True(run.ExitCode == 0, run.Output);
        var json = run.Json();
        Assert.Equal(["metadata", "metadataPath", "modelPath"], json.EnumerateObject().Select(p => p.Name).Order());
        Assert.True(File.Exists(json.GetProperty("modelPath").GetString()));
        Assert.True(File.Exists(json.GetProperty("metadataPath").GetString()));
        Assert.Equal(JsonValueKind.Object, json.GetProperty("metadata").ValueKind);
        Assert.NotEmpty(json.GetProperty("metadata").EnumerateObject());
    }
}
