using Appeals.Core.Deadlines;
using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Appeals.Core.Remittances;
using Appeals.Web.Identity;
using Appeals.Workflows.Deadlines;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Web.Admin;

/// <summary>One payer on the rules page: its effective rules (shipped or override per level) and its open cases.</summary>
/// <param name="MissingLevels">The levels at which open cases of this payer were flagged for want of a rule.</param>
public sealed record PayerRulesRow(Payer Payer, IReadOnlyList<AppealRule> Rules, int OpenCases, int FlaggedCases, IReadOnlyList<int> MissingLevels)
{
    /// <summary>No rule at any level: every deadline of this payer is flagged until an admin enters one.</summary>
    public bool Flagged => Rules.Count == 0;
}

/// <summary>The override form for one payer and level, with the payer's effective rules beside it.</summary>
public sealed record PayerRuleEdit(Payer Payer, PayerRuleInput Input, IReadOnlyList<AppealRule> Rules, IReadOnlyList<string> Errors);

/// <summary>For admins: the effective appeal deadline rules per payer and level, and per-payer overrides (ADR 0061, 0073).</summary>
[Authorize(Policy = AppealsPolicies.Administer)]
[Route("Admin/Rules")]
public sealed class PayerRulesController(AppealsDbContext db, PayerRuleOverrides overrides) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var payers = await db.Payers.AsNoTracking().ToListAsync(ct);
        var all = (await db.Set<PayerAppealRule>().AsNoTracking().ToListAsync(ct)).ToLookup(r => r.PayerId);
        var open = (await db.DenialCases.AsNoTracking().AwaitingFiling()
            .GroupBy(c => c.PayerId)
            .Select(g => new { PayerId = g.Key, Open = g.Count(), Flagged = g.Count(c => c.DeadlineRuleMissing) })
            .ToListAsync(ct)).ToDictionary(x => x.PayerId);
        // The planner's flag names the level ("... at level N: an admin must enter one"); one text per payer and level.
        var missing = (await db.DenialCases.AsNoTracking().AwaitingFiling()
            .Where(c => c.DeadlineRuleMissing)
            .Select(c => new { c.PayerId, c.DeadlineBasis }).Distinct().ToListAsync(ct))
            .Select(c => (c.PayerId, Match: System.Text.RegularExpressions.Regex.Match(c.DeadlineBasis, @"at level (\d+)")))
            .Where(c => c.Match.Success)
            .ToLookup(c => c.PayerId, c => int.Parse(c.Match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        var rows = payers
            .Select(p => new PayerRulesRow(p, AppealRuleBook.Merge(p, all[p.Id].ToList()),
                open.GetValueOrDefault(p.Id)?.Open ?? 0, open.GetValueOrDefault(p.Id)?.Flagged ?? 0, missing[p.Id].Distinct().Order().ToList()))
            .OrderByDescending(r => r.Flagged).ThenBy(r => r.Payer.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return View(rows);
    }

    /// <summary>The form for an override at <paramref name="level"/>, filled from the rule in force there (if any).</summary>
    [HttpGet("{payerId:long}/Edit")]
    public async Task<IActionResult> Edit(long payerId, int level = 1, CancellationToken ct = default)
    {
        var payer = await db.Payers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == payerId, ct);
        if (payer is null) return NotFound();
        var rules = await RulesOf(payer, ct);
        var current = rules.FirstOrDefault(r => r.Level == level);
        var input = current is null
            ? new PayerRuleInput { Level = level }
            : new PayerRuleInput
            {
                Level = level, Name = current.Name,
                DeadlineDays = current.DeadlineMonths is null ? current.DeadlineDays : null, DeadlineMonths = current.DeadlineMonths,
                PresumedReceiptDays = current.PresumedReceiptDays, ClockStartsFrom = current.ClockStartsFrom, Citation = current.Citation,
            };
        return View(new PayerRuleEdit(payer, input, rules, []));
    }

    /// <summary>Creates or replaces the override at the form's level, then re-plans the payer's open cases.</summary>
    [HttpPost("{payerId:long}")]
    public async Task<IActionResult> Save(long payerId, PayerRuleInput input, CancellationToken ct)
    {
        var payer = await db.Payers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == payerId, ct);
        if (payer is null) return NotFound();
        var result = await overrides.SaveAsync(payerId, input, User.Identity!.Name!, ct);
        if (!result.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Edit", new PayerRuleEdit(payer, input, await RulesOf(payer, ct), result.Errors));
        }
        TempData["Message"] = $"Level {input.Level} override saved for {payer.Name}; {result.ReplanSummary}.";
        return Redirect("/Admin/Rules#payer-" + payerId);
    }

    [HttpPost("{payerId:long}/{level:int}/Remove")]
    public async Task<IActionResult> Remove(long payerId, int level, CancellationToken ct)
    {
        var result = await overrides.RemoveAsync(payerId, level, User.Identity!.Name!, ct);
        if (result.Succeeded) TempData["Message"] = $"Level {level} override removed; {result.ReplanSummary}.";
        else TempData["Problem"] = string.Join(" ", result.Errors);
        return Redirect("/Admin/Rules#payer-" + payerId);
    }

    private async Task<IReadOnlyList<AppealRule>> RulesOf(Payer payer, CancellationToken ct) =>
        AppealRuleBook.Merge(payer, await db.Set<PayerAppealRule>().AsNoTracking().Where(r => r.PayerId == payer.Id).ToListAsync(ct));
}
