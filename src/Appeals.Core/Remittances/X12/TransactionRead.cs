using Appeals.Core.Imports;

namespace Appeals.Core.Remittances.X12;

/// <summary>
/// One ST..SE transaction as read: the mapped remittance, or null when its content is bad, with
/// the located warnings (read anyway) and errors (refused) found in it.
/// </summary>
public sealed record TransactionRead(Remittance? Remittance, IReadOnlyList<ImportIssue> Warnings,
                                     IReadOnlyList<ImportIssue> Errors)
{
    /// <summary>True when the transaction was mapped and has no errors.</summary>
    public bool Accepted => Remittance is not null;
}
