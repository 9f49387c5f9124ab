using Appeals.Core.Audit;
using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Appeals.Web.Identity;
using Appeals.Workflows.Routing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Web.Queue;

/// <summary>What the queue page shows.</summary>
public sealed record QueuePage(QueueFilter Filter, QueueSlice Slice, DateOnly Today,
    IReadOnlyList<(long Id, string Name)> Payers, IReadOnlyList<string> Categories, IReadOnlyList<string> Users)
{
    public IReadOnlyList<QueueRow> Rows => Slice.Rows;
}

/// <summary>The prioritized work queue: filters, keyset paging, claim and assign.</summary>
[Authorize(Policy = AppealsPolicies.WorkCases)]
[Route("Queue")]
public sealed class QueueController(AppealsDbContext db, QueueQuery query, CaseAssignment assignment, CarcCatalog carcs, TimeProvider clock,
    AppealsIdentityDbContext identity, CaseWorkers caseWorkers) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] QueueFilter filter, CancellationToken ct)
    {
        // A filter value that does not parse or is out of range is named and left out; the page still shows, as a 400.
        var problems = ModelState.Values.Where(e => e.ValidationState == ModelValidationState.Invalid)
            .Select(e => e.Errors[0].ErrorMessage is { Length: > 0 } m ? m : $"“{e.AttemptedValue}” is not a number here.").ToList();
        if (problems.Count > 0)
        {
            filter.DropOutOfRange();
            ViewData["FilterProblem"] = string.Join(" ", problems) + " That filter was left out.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        // One connection for the page's queries (see CasesController.ShowAsync).
        await db.Database.OpenConnectionAsync(ct);
        var payers = await Formatting.PayerChoices.ListAsync(db, ct);
        // The filter's payer list names the rows too: one query less per view.
        var slice = await query.PageAsync(filter, User.Identity!.Name!, payers.ToDictionary(p => p.Id, p => p.Name), ct);
        // Only a manager's page has the Assign list, read once per CaseWorkers.Lifetime for every manager.
        var workers = User.IsInRole(AppealsRoles.Manager) ? await caseWorkers.GetAsync(identity, ct) : [];
        return View(new QueuePage(filter, slice, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
            payers, carcs.Categories, workers));
    }

    /// <summary>Takes a case for the signed-in user, if nobody changed it since the page showed it.</summary>
    [HttpPost("Claim/{id:long}")]
    public async Task<IActionResult> Claim(long id, Guid version, string? returnUrl, CancellationToken ct)
    {
        var outcome = await assignment.AssignAsync(id, version, User.Identity!.Name!, User.Identity!.Name!, ct);
        TempData[outcome.Succeeded ? "Message" : "Problem"] = outcome.Message;
        return Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : RedirectToAction(nameof(Index));
    }

    /// <summary>A manager gives a case to someone.</summary>
    [HttpPost("Assign/{id:long}")]
    [Authorize(Roles = AppealsRoles.Manager)]
    public async Task<IActionResult> Assign(long id, Guid version, string? assignee, string? returnUrl, CancellationToken ct)
    {
        // Someone who does not work cases is refused by the assignment itself, whoever calls it.
        if (string.IsNullOrWhiteSpace(assignee))
        {
            TempData["Problem"] = $"Choose who case {id} goes to: a specialist or a manager. Nothing was changed.";
            return Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : RedirectToAction(nameof(Index));
        }
        var outcome = await assignment.AssignAsync(id, version, assignee, User.Identity!.Name!, ct);
        TempData[outcome.Succeeded ? "Message" : "Problem"] = outcome.Message;
        return Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : RedirectToAction(nameof(Index));
    }
}

/// <summary>The result of a claim or assignment, shown to the user either way.</summary>
public sealed record AssignmentOutcome(bool Succeeded, string Message);

/// <summary>
/// Claims and assignments with optimistic concurrency on <see cref="DenialCase.Version"/>: the
/// update only lands if the case still has the version the user saw, so of two people claiming at
/// once one wins and the other is told who has it.
/// </summary>
public sealed class CaseAssignment(AppealsDbContext db, AuditLog audit, CaseWorkflow workflow, UserManager<IdentityUser> users)
{
    public async Task<AssignmentOutcome> AssignAsync(long caseId, Guid seenVersion, string assignee, string actor, CancellationToken ct)
    {
        if (!await WorksCasesAsync(assignee))
            return new(false, "A case can only be given to a specialist or a manager who has an account here. Nothing was changed.");
        var denial = await db.DenialCases.SingleOrDefaultAsync(c => c.Id == caseId, ct);
        if (denial is null) return new(false, $"Case {caseId} does not exist.");
        if (denial.Version != seenVersion)
            return new(false, Taken(denial, caseId));
        denial.AssignTo(assignee);
        // Taking an open case starts its work through the workflow's own move, so the move has its transition row on the
        // case's timeline (a bare status change had none); saved with the assignment and its audit row below.
        if (denial.Status == DenialCaseStatus.Open)
            await workflow.ApplyAsync(denial, WorkflowTriggers.Start, new WorkflowActor(actor, IsManager: false), $"assigned to {assignee}", ct);
        try
        {
            await audit.AppendAsync(actor, AuditActions.CaseClaim, nameof(DenialCase), caseId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                details: $"assigned to {assignee}", ct: ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var now = await db.DenialCases.AsNoTracking().SingleAsync(c => c.Id == caseId, ct);
            return new(false, Taken(now, caseId));
        }
        return new(true, assignee == actor ? $"Case {caseId} is yours." : $"Case {caseId} is assigned to {assignee}.");
    }

    private async Task<bool> WorksCasesAsync(string userName)
    {
        // Identity's own limit on user names; anything longer cannot name a user and is not looked up.
        if (userName.Length is 0 or > 256 || await users.FindByNameAsync(userName) is not { } user) return false;
        var roles = await users.GetRolesAsync(user);
        return AppealsPolicies.Roles[AppealsPolicies.WorkCases].Any(roles.Contains);
    }

    private static string Taken(DenialCase now, long id) =>
        $"Case {id} was changed by someone else first" + (now.AssignedTo is { Length: > 0 } who ? $": it is now assigned to {who}." : ".") +
        " Nothing was changed; look at it again before you act.";
}
