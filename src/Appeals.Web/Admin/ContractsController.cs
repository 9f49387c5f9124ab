using Appeals.Core.Audit;
using Appeals.Core.Contracts;
using Appeals.Core.Persistence;
using Appeals.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Web.Admin;

/// <summary>One payer's stored rates on the contracts page.</summary>
public sealed record ContractPayerRow(string PayerIdentifier, int Rates, int Codes, DateOnly From, DateOnly? To, int OpenEnded);

/// <summary>The contracts page: the rates per payer, the latest rates, the import history from the audit log.</summary>
public sealed record ContractsPage(IReadOnlyList<ContractPayerRow> Payers, IReadOnlyList<PayerContract> Latest, IReadOnlyList<AuditEntry> Imports);

/// <summary>For admins: payer contracts (fee schedules) to see and upload (issue 16); each upload is all or nothing and audited.</summary>
[Authorize(Policy = AppealsPolicies.Administer)]
[Route("Admin/Contracts")]
public sealed class ContractsController(AppealsDbContext db, TimeProvider time) : Controller
{
    private const long MaxContractBytes = 20 * 1024 * 1024;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var rates = await db.PayerContracts.AsNoTracking()
            .Select(c => new { c.PayerIdentifier, c.ProcedureCode, c.EffectiveFrom, c.EffectiveTo }).ToListAsync(ct);
        var payers = rates.GroupBy(r => r.PayerIdentifier).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ContractPayerRow(g.Key, g.Count(), g.Select(r => r.ProcedureCode).Distinct().Count(), g.Min(r => r.EffectiveFrom),
                g.Any(r => r.EffectiveTo is null) ? null : g.Max(r => r.EffectiveTo), g.Count(r => r.EffectiveTo is null))).ToList();
        var latest = await db.PayerContracts.AsNoTracking().OrderByDescending(c => c.Id).Take(50).ToListAsync(ct);
        var imports = await db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditActions.ContractImport).OrderByDescending(e => e.Id).Take(20).ToListAsync(ct);
        return View("~/Views/Admin/Contracts.cshtml", new ContractsPage(payers, latest, imports));
    }

    /// <summary>Imports an uploaded contract CSV; the admin sees every refused row with its line and column.</summary>
    [HttpPost("")]
    [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Security.RequestRateLimits.Uploads)]
    [RequestSizeLimit(MaxContractBytes + 64 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxContractBytes + 64 * 1024)]
    public async Task<IActionResult> Upload(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return Refused(["Choose a contract .csv file to upload."]);
        using var reader = new StreamReader(file.OpenReadStream(), detectEncodingFromByteOrderMarks: true);
        try
        {
            var s = await new ContractImporter(db, time).ImportAsync(reader, Path.GetFileName(file.FileName), User.Identity!.Name!, ct);
            TempData["Message"] = $"{s.File}: {s.Rows} rate(s) read, {s.Added} added, {s.AlreadyStored} already stored, {s.Payers} payer(s). ERAs imported from now on are compared with them.";
        }
        catch (ContractImportException e)
        {
            return Refused([$"{e.File} was refused, nothing imported:", .. e.Errors.Select(x => x.ToString())]);
        }
        return Redirect("/Admin/Contracts");
    }

    private RedirectResult Refused(string[] problems)
    {
        TempData["Problem"] = string.Join("\n", problems.Take(ContractCsv.MaxErrors + 1));
        return Redirect("/Admin/Contracts");
    }
}
