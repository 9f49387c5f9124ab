using Appeals.Core.Audit;
using Appeals.Web.Identity;
using Appeals.Workflows.Jobs;
using Hangfire;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Appeals.Web.Admin;

/// <summary>For admins: the recovery model in use with its metrics, and a button that queues retraining.</summary>
[Authorize(Policy = AppealsPolicies.Administer)]
[Route("Admin/Model")]
public sealed class ModelController(ModelStatusReader status, IBackgroundJobClient jobs, AuditLog audit) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await status.ReadAsync(ct));

    /// <summary>Queues the retraining job now, whatever the count of new outcomes (the nightly job waits for enough).</summary>
    [HttpPost("Retrain")]
    public async Task<IActionResult> Retrain(CancellationToken ct)
    {
        var jobId = jobs.Enqueue<MlModelRetraining>(r => r.RetrainAsync(CancellationToken.None));
        await audit.AppendAsync(User.Identity!.Name!, AuditActions.ModelRetrain, "HangfireJob", jobId, details: "retraining queued from the admin page", ct: ct);
        TempData["Message"] = $"Retraining queued as job {jobId}. The new model is used from the next scoring; this page shows the job's result.";
        return Redirect("/Admin/Model");
    }
}
