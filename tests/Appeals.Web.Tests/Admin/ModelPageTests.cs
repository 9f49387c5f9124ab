using Appeals.Core.Audit;
using Appeals.Core.Persistence;
using Appeals.ML.Training;
using Appeals.Web.Tests.Hosting;
using Appeals.Workflows.Jobs;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Appeals.Web.Tests.Admin;

[Collection(WebCollection.Name)]
public sealed class ModelPageTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ModelPage_ShowsTheCurrentModelsVersionAndHoldoutMetrics_FromItsMetadata()
    {
        var client = await app.SignedInClientAsync("admin");

        var html = await client.GetStringAsync("/Admin/Model", Ct);

        var path = app.Services.GetRequiredService<IOptions<ModelsOptions>>().Value.Store().Newest();
        Assert.NotNull(path);
        var metadata = ModelMetadataFile.TryRead(path);
        Assert.NotNull(metadata);
        Assert.Contains($"<tr><th>Version</th><td>{metadata.Version}</td></tr>", html);
        Assert.Contains($"<td>{metadata.Holdout.Auc:0.000}</td><td>{metadata.Holdout.LogLoss:0.000}</td><td>{metadata.Holdout.Brier:0.000}</td><td>{metadata.Holdout.ExpectedCalibrationError:0.000}</td>", html);
        Assert.Contains($"{metadata.RowsTotal:N0} (fit", html);
        Assert.Contains("Outcome threshold", html);
        Assert.Matches(@"<td class=""text-wrap"" id=""nightly-retrain"">[^<]*next \d{4}-\d\d-\d\d", html);
        Assert.Contains(metadata.RowsTotal >= 1000 ? $"Model {metadata.Version} scores the cases." : "Cold start", html);
        // What a retraining would learn from, counted the way the job reads it, and a warning before it would fail.
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppealsDbContext>();
        var rows = (await Appeals.ML.History.DatabaseHistory.LabelledAsync(db, Ct)).Count;
        Assert.Contains($"<td class=\"text-wrap\" id=\"training-rows\">{rows:N0} (", html);
        Assert.Equal(rows < new TrainingOptions().MinimumRows, html.Contains("id=\"too-few-outcomes\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Retrain_QueuesTheRetrainingJobInHangfire_AndThePageShowsIt()
    {
        var client = await app.SignedInClientAsync("admin");

        var response = await AdminForms.PostAsync(client, "/Admin/Model", "/Admin/Model/Retrain", []);
        var html = await response.Content.ReadAsStringAsync(Ct);

        var jobId = System.Text.RegularExpressions.Regex.Match(html, @"Retraining queued as job (\S+)\.").Groups[1].Value;
        Assert.NotEmpty(jobId);
        var job = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi().JobDetails(jobId);
        Assert.Equal(typeof(MlModelRetraining), job.Job.Type);
        Assert.Equal(nameof(MlModelRetraining.RetrainAsync), job.Job.Method.Name);
        Assert.Matches(@"<p id=""last-retrain"">Job <a href=""/hangfire/jobs/details/" + jobId + @""">", html);
        Assert.Matches(@"<strong class=""retrain-state"">(Enqueued|Processing|Succeeded|Failed)</strong>", html);
        // The job server in the app runs it: the page then shows how it ended (a failure with its reason, not retried).
        var until = DateTime.UtcNow.AddMinutes(3);
        string state;
        do
        {
            await Task.Delay(500, Ct);
            html = await client.GetStringAsync("/Admin/Model", Ct);
            state = System.Text.RegularExpressions.Regex.Match(html, @"<strong class=""retrain-state"">(\w+)</strong>").Groups[1].Value;
        } while (state is not ("Succeeded" or "Failed") && DateTime.UtcNow < until);
        Assert.True(state is "Succeeded" or "Failed", $"retraining still {state}");
        if (state == "Failed") Assert.Matches(@"<strong class=""retrain-state"">Failed</strong>: <span class=""retrain-detail"">[^<]+</span>", html);
        TestContext.Current.TestOutputHelper?.WriteLine(System.Text.RegularExpressions.Regex.Match(html, @"<p id=""last-retrain"">.*?</p>", System.Text.RegularExpressions.RegexOptions.Singleline).Value);
        await using var scope = app.Services.CreateAsyncScope();
        var entry = await scope.ServiceProvider.GetRequiredService<AppealsDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.Action == AuditActions.ModelRetrain).OrderBy(e => e.Id).LastAsync(Ct);
        Assert.Equal(("admin", jobId), (entry.UserName, entry.EntityId));
    }
}
