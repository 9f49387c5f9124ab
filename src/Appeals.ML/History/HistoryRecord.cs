namespace Appeals.ML.History;

/// <summary>
/// One past (or to-be-scored) denial as the history CSV carries it. <see cref="Recovered"/> is null
/// in files to be scored; the label the model learns is "money was recovered on the case".
/// </summary>
public sealed record HistoryRecord
{
    public required string DenialId { get; init; }
    public required string PayerId { get; init; }
    /// <summary>One of Appeals.Core.Remittances.PayerTypes.All.</summary>
    public required string PayerType { get; init; }
    public required string GroupCode { get; init; }
    public required string Carc { get; init; }
    public IReadOnlyList<string> Rarcs { get; init; } = [];
    public string ProcedureCode { get; init; } = "";
    public string ProviderId { get; init; } = "";
    public string PlaceOfService { get; init; } = "";
    public decimal BilledAmount { get; init; }
    public decimal DeniedAmount { get; init; }
    public DateOnly ServiceDate { get; init; }
    public DateOnly RemitDate { get; init; }
    /// <summary>True recovered, false not recovered, null unknown (a row to be scored).</summary>
    public bool? Recovered { get; init; }
    public decimal? RecoveredAmount { get; init; }
    /// <summary>When the outcome was decided, if known (closed cases in the database; the history CSV has no such column).
    /// History features only read the outcome after this date (see Features.OutcomeLag).</summary>
    public DateOnly? ResolvedDate { get; init; }

    /// <summary>The training label: money came back (outcome recovered, or a positive recovered amount).</summary>
    public bool Label => Recovered == true || RecoveredAmount > 0;

    public bool HasOutcome => Recovered is not null;
}
