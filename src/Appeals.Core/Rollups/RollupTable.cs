using Appeals.Core.Denials;

namespace Appeals.Core.Rollups;

/// <summary>
/// One rollup table described once: its source table, key columns, and per measure the SQL of one
/// source row's contribution. The triggers, the backfill and the per-row facts (for filters the
/// rollups cannot serve, and for tests that recompute them) are all generated from this, so they
/// cannot disagree about what a measure means.
/// </summary>
internal sealed record RollupTable(
    string Name,
    string Source,
    IReadOnlyList<string> Keys,
    IReadOnlyList<string> WatchedColumns,
    Func<RollupDialect, string, IReadOnlyList<(string Column, string Expression)>> Measures,
    Func<RollupDialect, string, string>? Condition = null)
{
    // The triggers compare the stored codes ('recovered', ...), written from DenialCaseStatus's one mapping.
    /// <summary>Statuses whose outcome is known, as the KPIs count them (docs/kpis.md): the closed ones.</summary>
    private static readonly string Resolved = Quoted([.. DenialCaseStatus.All.Where(s => s.IsClosed)]);
    private static readonly string Decided = Quoted(DenialCaseStatus.Recovered, DenialCaseStatus.PartiallyRecovered, DenialCaseStatus.Upheld);
    private static readonly string Overturned = Quoted(DenialCaseStatus.Recovered, DenialCaseStatus.PartiallyRecovered);

    private static readonly string[] CaseColumns =
        ["DenialDate", "PayerId", "Category", "PrimaryReason", "Status", "DeniedAmount", "RecoveredAmount",
         "Avoidable", "DeadlineMissed", "FirstAppealedAt", "ClosedAt", "AppealLevel"];

    /// <summary>
    /// The appeal levels the payer scorecard counts decisions at (appeal_levels.csv: 1 to 5; 0 is a corrected claim or
    /// reopening, not an appeal level). Rollup columns <c>Level{n}Decided</c> and <c>Level{n}Overturned</c>.
    /// </summary>
    public const int AppealLevels = 5;

    /// <summary>
    /// Underpayment cases share the queue's table but are not denials: the denial KPIs leave them out. By their category, not
    /// their Kind column, because the migrations that create the triggers (from this code) run before Kind exists.
    /// </summary>
    private static string DenialsOnly(RollupDialect d, string r) => $"{r}.{d.Quote("Category")} <> '{CaseKinds.UnderpaymentCategory}'";

    public static readonly RollupTable DenialDays = new("DenialDayRollups", "DenialCases", ["DenialDate", "PayerId", "Category"], CaseColumns, (d, r) =>
    {
        string Col(string c) => $"{r}.{d.Quote(c)}";
        static string When(string condition, string value) => $"CASE WHEN {condition} THEN {value} ELSE 0 END";
        var denied = d.Cents(Col("DeniedAmount"));
        var recovered = d.Cents(Col("RecoveredAmount"));
        var resolved = $"{Col("Status")} IN ({Resolved})";
        var appealed = $"{Col("FirstAppealedAt")} IS NOT NULL";
        var decided = $"{appealed} AND {Col("Status")} IN ({Decided})";
        var overturned = $"{appealed} AND {Col("Status")} IN ({Overturned})";
        var timed = $"{resolved} AND {Col("ClosedAt")} IS NOT NULL";
        return
        [
            ("Cases", "1"),
            ("DeniedCents", denied),
            ("AvoidableCases", When(d.IsTrue(Col("Avoidable")), "1")),
            ("AvoidableCents", When(d.IsTrue(Col("Avoidable")), denied)),
            ("ResolvedCases", When(resolved, "1")),
            ("RecoveredCents", recovered),
            ("WrittenOffCents", When($"{Col("Status")} = '{DenialCaseStatus.WrittenOff.Code}'", $"{denied} - {recovered}")),
            ("AppealedCases", When(appealed, "1")),
            ("AppealSeconds", When(appealed, d.Seconds(Col("DenialDate"), Col("FirstAppealedAt")))),
            ("AppealsDecided", When(decided, "1")),
            ("AppealsOverturned", When(overturned, "1")),
            ("DecidedDeniedCents", When(decided, denied)),
            ("DecidedRecoveredCents", When(decided, recovered)),
            ("DeadlinesMissed", When(d.IsTrue(Col("DeadlineMissed")), "1")),
            ("TimedResolutions", When(timed, "1")),
            ("ResolutionSeconds", When(timed, d.Seconds(Col("DenialDate"), Col("ClosedAt")))),
            ("OpenCases", When($"NOT ({resolved})", "1")),
            ("OpenDeniedCents", When($"NOT ({resolved})", denied)),
            ("RecoveredResolutions", When($"{Col("Status")} IN ({Overturned}) AND {Col("ClosedAt")} IS NOT NULL", "1")),
            ("RecoverySeconds", When($"{Col("Status")} IN ({Overturned}) AND {Col("ClosedAt")} IS NOT NULL", d.Seconds(Col("DenialDate"), Col("ClosedAt")))),
            .. Enumerable.Range(1, AppealLevels).SelectMany(level => LevelMeasures(d, r, level)),
        ];
    }, DenialsOnly);

    /// <summary>
    /// A case's appeal is decided at level L when it is decided (recovered, partially recovered, upheld) at L, or when it went
    /// on to a later level (the payer decided L against it: the case escalated); it is overturned at L when recovered or
    /// partially recovered at L (docs/kpis.md, "Overturn rate by appeal level").
    /// </summary>
    private static IEnumerable<(string Column, string Expression)> LevelMeasures(RollupDialect d, string r, int level)
    {
        string Col(string c) => $"{r}.{d.Quote(c)}";
        var appealed = $"{Col("FirstAppealedAt")} IS NOT NULL";
        var at = $"{Col("AppealLevel")} = {level}";
        yield return ($"Level{level}Decided",
            $"CASE WHEN {appealed} AND (({at} AND {Col("Status")} IN ({Decided})) OR {Col("AppealLevel")} > {level}) THEN 1 ELSE 0 END");
        yield return ($"Level{level}Overturned", $"CASE WHEN {appealed} AND {at} AND {Col("Status")} IN ({Overturned}) THEN 1 ELSE 0 END");
    }

    public static readonly RollupTable DenialReasonDays = new("DenialReasonDayRollups", "DenialCases",
        ["DenialDate", "PayerId", "Category", "PrimaryReason"], CaseColumns,
        (d, r) => [("Cases", "1"), ("DeniedCents", d.Cents($"{r}.{d.Quote("DeniedAmount")}"))], DenialsOnly);

    /// <summary>
    /// Reversals (CLP02 = 22) only undo an earlier adjudication: they are not counted again. Claims paid (payment above
    /// zero) with a service date also sum their service day numbers, so the days from service to the remittance's payment
    /// date average without reading a claim (docs/kpis.md, "Days from service to payment").
    /// </summary>
    public static readonly RollupTable ClaimRemittances = new("ClaimRemittanceRollups", "ClaimPayments", ["RemittanceId"],
        ["RemittanceId", "StatusCode", "ChargeAmount", "PaymentAmount", "ServiceDateFrom"],
        (d, r) =>
        {
            var paidWithDate = $"{d.Cents($"{r}.{d.Quote("PaymentAmount")}")} > 0 AND {r}.{d.Quote("ServiceDateFrom")} IS NOT NULL";
            return
            [
                ("Claims", "1"), ("ChargeCents", d.Cents($"{r}.{d.Quote("ChargeAmount")}")),
                ("PaidDatedClaims", $"CASE WHEN {paidWithDate} THEN 1 ELSE 0 END"),
                ("PaidServiceDays", $"CASE WHEN {paidWithDate} THEN {d.Days($"{r}.{d.Quote("ServiceDateFrom")}")} ELSE 0 END"),
            ];
        },
        (d, r) => $"{r}.{d.Quote("StatusCode")} <> 22");

    /// <summary>
    /// Underpayment cases per denial (remittance) day and payer: the scorecard's underpayment figures without reading the
    /// cases (their amounts are text on SQLite). Recovered counts at most the shortfall.
    /// </summary>
    public static readonly RollupTable UnderpaymentDays = new("UnderpaymentDayRollups", "DenialCases", ["DenialDate", "PayerId"],
        [.. CaseColumns, "Kind", "ShortfallAmount"], (d, r) =>
        {
            var shortfall = d.Cents($"COALESCE({r}.{d.Quote("ShortfallAmount")}, 0)");
            var recovered = d.Cents($"{r}.{d.Quote("RecoveredAmount")}");
            return [("Cases", "1"), ("ShortfallCents", shortfall), ("RecoveredCents", $"CASE WHEN {recovered} < {shortfall} THEN {recovered} ELSE {shortfall} END")];
        },
        (d, r) => $"{r}.{d.Quote("Kind")} = '{CaseKinds.Underpayment}'");

    public static readonly IReadOnlyList<RollupTable> All = [DenialDays, DenialReasonDays, ClaimRemittances, UnderpaymentDays];

    /// <summary>One SELECT row per source row with its keys and contributions: what the rollup sums.</summary>
    public string Facts(RollupDialect d, string? extraCondition = null) => Facts(d, $"{d.Quote(Source)} AS r", extraCondition, withId: false);

    /// <summary>
    /// SQLite: the facts, with their ids, of the source rows whose ids are from <c>?1</c> to <c>?2</c> (ADR 0151). Found by
    /// the rowid range alone (NOT INDEXED): the planner would otherwise take an index on the source's condition (Kind, for
    /// the underpayment rollup) and read every underpayment case ever stored for each batch.
    /// </summary>
    public string SqliteFactsOfIdRange()
    {
        var d = RollupDialect.Sqlite;
        return Facts(d, $"{d.Quote(Source)} AS r NOT INDEXED", $"r.{d.Quote("Id")} BETWEEN ?1 AND ?2", withId: true);
    }

    /// <summary>
    /// SQLite: the facts, with their ids, of the rows of <paramref name="rows"/>, a table with the source's columns (ADR 0159:
    /// copies of the rows a set-based update changes, taken before and after it).
    /// </summary>
    public string SqliteFactsOf(string rows) => Facts(RollupDialect.Sqlite, $"{rows} AS r", null, withId: true);

    // "from" names the source as r.
    private string Facts(RollupDialect d, string from, string? extraCondition, bool withId)
    {
        const string r = "r";
        var columns = Keys.Select(k => $"{r}.{d.Quote(k)}")
            .Concat(Measures(d, r).Select(m => $"{m.Expression} AS {d.Quote(m.Column)}"))
            .Concat(withId ? [$"{r}.{d.Quote("Id")}"] : []);
        var conditions = new[] { Condition?.Invoke(d, r), extraCondition }.OfType<string>().ToList();
        var where = conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", conditions);
        return $"SELECT {string.Join(", ", columns)} FROM {from}{where}";
    }

    /// <summary>Recomputes the whole rollup from its source (the migration's backfill).</summary>
    public string Rebuild(RollupDialect d)
    {
        var keys = string.Join(", ", Keys.Select(d.Quote));
        var measures = Measures(d, "r").Select(m => d.Quote(m.Column)).ToList();
        return $"DELETE FROM {d.Quote(Name)};\n" +
               $"INSERT INTO {d.Quote(Name)} ({keys}, {string.Join(", ", measures)}) " +
               $"SELECT {keys}, {string.Join(", ", measures.Select(m => $"SUM({m})"))} FROM ({Facts(d)}) AS f GROUP BY {keys};";
    }

    private static string Quoted(params DenialCaseStatus[] values) => string.Join(", ", values.Select(v => $"'{v.Code}'"));
}
