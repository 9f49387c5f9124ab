using Appeals.Core.Audit;
using Appeals.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Core.Contracts;

/// <summary>What `appeals contracts import` did (its --json shape).</summary>
public sealed record ContractImportSummary(string File, int Rows, int Added, int AlreadyStored, int Payers);

/// <summary>A contract file refused whole: every error with its line and column.</summary>
public sealed class ContractImportException(string file, IReadOnlyList<ContractRowError> errors)
    : Exception($"{file}: {errors.Count} error(s), nothing imported; {string.Join("; ", errors.Take(5))}")
{
    public string File { get; } = file;
    public IReadOnlyList<ContractRowError> Errors { get; } = errors;
}

/// <summary>
/// Imports a payer contract CSV all or nothing: every row is checked (format, then overlapping effective dates for one
/// payer, procedure code and modifier, within the file and against the stored rates) before anything is written, and the
/// rates and their audit entry commit in one transaction. A row equal to a stored rate is counted as already stored, so
/// importing the same file twice adds nothing; a changed rate for a period already covered is an overlap, refused.
/// </summary>
public sealed class ContractImporter(AppealsDbContext db, TimeProvider time)
{
    public async Task<ContractImportSummary> ImportAsync(string path, string actor, CancellationToken ct = default)
    {
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return await ImportAsync(reader, Path.GetFileName(path), actor, ct);
    }

    public async Task<ContractImportSummary> ImportAsync(TextReader text, string fileName, string actor, CancellationToken ct = default)
    {
        var (rows, errors) = ContractCsv.Read(text);
        if (errors.Count > 0) throw new ContractImportException(fileName, errors);

        var payers = rows.Select(r => r.PayerId).Distinct(StringComparer.Ordinal).ToList();
        var stored = await db.PayerContracts.AsNoTracking().Where(c => payers.Contains(c.PayerIdentifier)).ToListAsync(ct);
        var (fresh, alreadyStored) = Check(rows, stored, errors);
        await CheckBaseSchedulesAsync(rows, payers, errors, ct);
        if (errors.Count > 0) throw new ContractImportException(fileName, errors);

        var now = time.GetUtcNow();
        var log = new AuditLog(db, time);
        return await log.RecordAsync(async () =>
        {
            db.PayerContracts.AddRange(fresh.Select(r => ToEntity(r, now)));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            return new ContractImportSummary(fileName, rows.Count, fresh.Count, alreadyStored, payers.Count);
        }, s => new AuditRecord(actor, AuditActions.ContractImport, "PayerContracts", "",
            Details: $"{s.Rows} rates read, {s.Added} added, {s.AlreadyStored} already stored, {s.Payers} payer(s)"), ct);
    }

    /// <summary>A percentage rate must name a schedule that is loaded: stored, or given in the same file (its rows under that payer_id).</summary>
    private async Task CheckBaseSchedulesAsync(List<ContractRow> rows, List<string> inFile, List<ContractRowError> errors, CancellationToken ct)
    {
        var named = rows.Where(r => r.BaseSchedule.Length > 0).Select(r => r.BaseSchedule).Distinct(StringComparer.Ordinal).ToList();
        if (named.Count == 0) return;
        var known = (await db.PayerContracts.AsNoTracking().Where(c => named.Contains(c.PayerIdentifier)).Select(c => c.PayerIdentifier).Distinct().ToListAsync(ct))
            .Concat(inFile).ToHashSet(StringComparer.Ordinal);
        foreach (var row in rows.Where(r => r.BaseSchedule.Length > 0 && !known.Contains(r.BaseSchedule)).Take(ContractCsv.MaxErrors - errors.Count))
            errors.Add(new ContractRowError(row.Line, "base_schedule",
                $"no schedule named '{row.BaseSchedule}' is loaded: import its rates first (with payer_id {row.BaseSchedule}), or in the same file"));
    }

    /// <summary>Splits the rows into new ones and ones already stored, adding an error for every overlap.</summary>
    private static (List<ContractRow> Fresh, int AlreadyStored) Check(List<ContractRow> rows, List<PayerContract> stored, List<ContractRowError> errors)
    {
        var byKey = stored.ToLookup(c => c.Key);
        var fresh = new List<ContractRow>();
        var alreadyStored = 0;
        var seen = new Dictionary<(string, string, string), List<ContractRow>>();
        foreach (var row in rows)
        {
            var candidate = ToEntity(row, default);
            var same = byKey[candidate.Key].FirstOrDefault(s => s.EffectiveFrom == row.EffectiveFrom && s.EffectiveTo == row.EffectiveTo && s.AllowedAmount == row.AllowedAmount
                && s.BaseSchedule == row.BaseSchedule && s.PercentOfBase == row.PercentOfBase);
            if (!seen.TryGetValue(candidate.Key, out var earlier)) seen[candidate.Key] = earlier = [];
            if (earlier.FirstOrDefault(e => ToEntity(e, default).Overlaps(candidate)) is { } clash)
                errors.Add(new ContractRowError(row.Line, "effective_from", $"overlaps line {clash.Line} for payer {row.PayerId}, code {row.ProcedureCode}{ModifierText(row)}"));
            else if (same is not null) alreadyStored++;
            else if (byKey[candidate.Key].FirstOrDefault(candidate.Overlaps) is { } storedClash)
                errors.Add(new ContractRowError(row.Line, "effective_from",
                    $"overlaps the stored rate of {storedClash.Terms} from {storedClash.EffectiveFrom:yyyy-MM-dd} to {(storedClash.EffectiveTo is { } t ? t.ToString("yyyy-MM-dd") : "open-ended")} for payer {row.PayerId}, code {row.ProcedureCode}{ModifierText(row)}"));
            else fresh.Add(row);
            earlier.Add(row);
            if (errors.Count >= ContractCsv.MaxErrors) break;
        }
        return (fresh, alreadyStored);
    }

    private static string ModifierText(ContractRow row) => row.Modifier.Length == 0 ? "" : $", modifier {row.Modifier}";

    private static PayerContract ToEntity(ContractRow r, DateTimeOffset now) => new()
    {
        PayerIdentifier = r.PayerId, ProcedureCode = r.ProcedureCode, Modifier = r.Modifier, AllowedAmount = r.AllowedAmount,
        EffectiveFrom = r.EffectiveFrom, EffectiveTo = r.EffectiveTo, BaseSchedule = r.BaseSchedule, PercentOfBase = r.PercentOfBase, ImportedAt = now,
    };
}
