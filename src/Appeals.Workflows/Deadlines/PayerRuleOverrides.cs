using Appeals.Core.Audit;
using Appeals.Core.Deadlines;
using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Workflows.Deadlines;

/// <summary>What an admin enters for one payer's override at one level (as a form posts it: anything may be missing).</summary>
public sealed class PayerRuleInput
{
    public int Level { get; set; } = 1;
    public string? Name { get; set; }
    public int? DeadlineDays { get; set; }
    public int? DeadlineMonths { get; set; }
    public int PresumedReceiptDays { get; set; }
    public string? ClockStartsFrom { get; set; }
    public string? Citation { get; set; }
}

/// <summary>
/// The result of a change to a payer's rules: refused with every reason, or done with how many open cases
/// were re-planned at once, or how many a background job (<see cref="ReplanJobId"/>) is re-planning.
/// </summary>
public sealed record PayerRuleChange(IReadOnlyList<string> Errors, int Replanned, int ReplanningInBackground = 0, string? ReplanJobId = null)
{
    public bool Succeeded => Errors.Count == 0;
    public static PayerRuleChange Refused(params string[] errors) => new(errors, 0);

    /// <summary>What happened to the payer's open cases, in words for the admin.</summary>
    public string ReplanSummary => ReplanJobId is null
        ? $"{Replanned} open case(s) re-planned"
        : $"its {ReplanningInBackground:N0} open cases are being re-planned in the background (job {ReplanJobId})";
}

/// <summary>
/// An admin's per-payer appeal rule overrides: validated, saved, written to the audit log with who and the
/// effective rule before and after, and followed by a re-plan of that payer's open cases (ADR 0073): at once
/// when they are few, else as a Hangfire job, so that the admin's request does not wait on a large payer.
/// </summary>
public sealed class PayerRuleOverrides(AppealsDbContext db, AuditLog audit, PayerDeadlineReplanning replanning,
    IBackgroundJobClient jobs, TimeProvider time)
{
    public const int MaxLevel = 9;

    /// <summary>Up to this many open cases are re-planned in the request (a second or two); more go to a job.</summary>
    public int ReplanInRequestLimit { get; init; } = 2000;

    /// <summary>Every reason the input cannot be an override; empty when it can.</summary>
    public static IReadOnlyList<string> Validate(PayerRuleInput input)
    {
        var errors = new List<string>();
        if (input.Level is < 0 or > MaxLevel) errors.Add($"Level must be 0 (reopening) to {MaxLevel}.");
        if (string.IsNullOrWhiteSpace(input.Name)) errors.Add("Give the level a name (e.g. \"First-level appeal\").");
        else if (input.Name.Trim().Length > 200) errors.Add("The name is longer than 200 characters.");
        var days = input.DeadlineDays ?? 0;
        var months = input.DeadlineMonths ?? 0;
        if (days > 0 && months > 0) errors.Add("Give the limit in days or in months, not both.");
        else if (days <= 0 && months <= 0) errors.Add("The limit must be more than 0 days or more than 0 months.");
        if (days is < 0 or > 3650 || months is < 0 or > 120) errors.Add("The limit is out of range (at most 3650 days or 120 months).");
        if (input.PresumedReceiptDays is < 0 or > 30) errors.Add("Presumed receipt must be 0 to 30 days.");
        if (string.IsNullOrWhiteSpace(input.ClockStartsFrom)) errors.Add("Say what starts the clock (the basis), e.g. \"date of the remittance\".");
        else if (input.ClockStartsFrom.Trim().Length > 300) errors.Add("The basis is longer than 300 characters.");
        if (string.IsNullOrWhiteSpace(input.Citation)) errors.Add("Give the citation: the contract section, provider manual page or statute the rule comes from.");
        else if (input.Citation.Trim().Length > 500) errors.Add("The citation is longer than 500 characters.");
        return errors;
    }

    /// <summary>Creates or replaces the payer's override at the input's level.</summary>
    public async Task<PayerRuleChange> SaveAsync(long payerId, PayerRuleInput input, string user, CancellationToken ct = default)
    {
        var errors = Validate(input);
        if (errors.Count > 0) return new PayerRuleChange(errors, 0);
        var payer = await db.Payers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == payerId, ct);
        if (payer is null) return PayerRuleChange.Refused($"Payer {payerId} does not exist.");

        var overrides = await db.Set<PayerAppealRule>().Where(r => r.PayerId == payerId).ToListAsync(ct);
        var before = Describe(AppealRuleBook.Merge(payer, overrides).FirstOrDefault(r => r.Level == input.Level));
        var rule = overrides.FirstOrDefault(r => r.Level == input.Level);
        if (rule is null)
        {
            rule = new PayerAppealRule { PayerId = payerId, Level = input.Level, Name = "", ClockStartsFrom = "", Citation = "", ChangedBy = "" };
            db.Add(rule);
            overrides.Add(rule);
        }
        rule.Name = input.Name!.Trim();
        rule.DeadlineDays = input.DeadlineMonths > 0 ? 0 : input.DeadlineDays!.Value;
        rule.DeadlineMonths = input.DeadlineMonths > 0 ? input.DeadlineMonths : null;
        rule.PresumedReceiptDays = input.PresumedReceiptDays;
        rule.ClockStartsFrom = input.ClockStartsFrom!.Trim();
        rule.Citation = input.Citation!.Trim();
        rule.ChangedBy = user;
        rule.ChangedAt = time.GetUtcNow();
        var after = Describe(AppealRuleBook.Merge(payer, overrides).First(r => r.Level == input.Level));
        // The audit append saves the pending override in its transaction: the change and its record commit together.
        await audit.AppendAsync(user, AuditActions.PayerRuleChange, "Payer", payerId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            details: Truncate($"level {input.Level} override saved; before: {before}; after: {after}"), ct: ct);
        return await ReplanAsync(payerId, ct);
    }

    /// <summary>Removes the payer's override at <paramref name="level"/>; the shipped rule of its type (if any) applies again.</summary>
    public async Task<PayerRuleChange> RemoveAsync(long payerId, int level, string user, CancellationToken ct = default)
    {
        var payer = await db.Payers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == payerId, ct);
        if (payer is null) return PayerRuleChange.Refused($"Payer {payerId} does not exist.");
        var overrides = await db.Set<PayerAppealRule>().Where(r => r.PayerId == payerId).ToListAsync(ct);
        var rule = overrides.FirstOrDefault(r => r.Level == level);
        if (rule is null) return PayerRuleChange.Refused($"Payer {payerId} has no override at level {level}.");
        var before = Describe(AppealRuleBook.Merge(payer, overrides).First(r => r.Level == level));
        db.Remove(rule);
        overrides.Remove(rule);
        var after = Describe(AppealRuleBook.Merge(payer, overrides).FirstOrDefault(r => r.Level == level));
        await audit.AppendAsync(user, AuditActions.PayerRuleChange, "Payer", payerId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            details: Truncate($"level {level} override removed; before: {before}; after: {after}"), ct: ct);
        return await ReplanAsync(payerId, ct);
    }

    private async Task<PayerRuleChange> ReplanAsync(long payerId, CancellationToken ct)
    {
        var open = await db.DenialCases.AwaitingFiling().CountAsync(c => c.PayerId == payerId, ct);
        if (open <= ReplanInRequestLimit) return new PayerRuleChange([], await replanning.ReplanOpenCasesAsync(payerId, ct));
        // The job takes the payer's id and plans every open case with the rules in force when it runs: safe to run twice.
        var job = jobs.Enqueue<PayerDeadlineReplanning>(r => r.ReplanOpenCasesAsync(payerId, CancellationToken.None));
        return new PayerRuleChange([], 0, open, job);
    }

    /// <summary>One rule in words for the audit log; "no rule (FLAGGED)" when there is none.</summary>
    public static string Describe(AppealRule? rule) => rule is null
        ? "no rule (FLAGGED)"
        : $"{rule.Source} '{rule.Name}', {Limit(rule)}, presumed receipt {rule.PresumedReceiptDays} days, clock from '{rule.ClockStartsFrom}', citation '{rule.Citation}'";

    /// <summary>The filing window in words.</summary>
    public static string Limit(AppealRule rule) =>
        rule.ForwardedByPayer ? "forwarded by the payer" : rule.DeadlineMonths is { } m ? $"{m} months" : $"{rule.DeadlineDays} days";

    private static string Truncate(string text) => text.Length > 2000 ? text[..2000] : text;
}
