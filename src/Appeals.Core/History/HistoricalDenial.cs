namespace Appeals.Core.History;

/// <summary>
/// A past denial and its outcome, imported from a history CSV (`appeals history import`): training data
/// from before Appeals was installed. Same columns as the CSV; <see cref="Rarcs"/> joined by ';'.
/// </summary>
public sealed class HistoricalDenial
{
    public long Id { get; set; }
    public required string DenialId { get; set; }
    public required string PayerIdentifier { get; set; }
    public required string PayerType { get; set; }
    public required string GroupCode { get; set; }
    public required string Carc { get; set; }
    public string Rarcs { get; set; } = "";
    public string ProcedureCode { get; set; } = "";
    public string ProviderId { get; set; } = "";
    public string PlaceOfService { get; set; } = "";
    public decimal BilledAmount { get; set; }
    public decimal DeniedAmount { get; set; }
    public DateOnly ServiceDate { get; set; }
    public DateOnly RemitDate { get; set; }
    public bool Recovered { get; set; }
    public decimal RecoveredAmount { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
}
