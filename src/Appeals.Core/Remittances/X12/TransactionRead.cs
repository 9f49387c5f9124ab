using Appeals.Core.Imports;

namespace Appeals.Core.Remittances.X12;

/// <summary>
/// One ST..SE transaction as read: the mapped remittance, or null when its content is bad, with
/// the located warnings (read anyway) and errors (refused) found in it.
/// </summary>
public sealed record TransactionRead(Remittance? Remittance, IReadOnlyList<ImportIssue> Warnings,
                                     IReadOnlyList<ImportIssue> Errors)
{
    /// <summary>
    /// True for a part of a transaction handed out in parts (<see cref="Remittance835Reader.PartBytes"/>): more of its
    /// claims follow in the next read, and the last part (false) has the provider adjustments, the content hash, and the
    /// transaction's warnings and errors. A part's remittance is null once the transaction has an error.
    /// </summary>
    public bool Continued { get; init; }

    /// <summary>The implementation-guide findings with their rules (ADR 0076); each is also among the warnings or errors.</summary>
    public IReadOnlyList<Validation.X12Finding> Findings { get; init; } = [];

    /// <summary>
    /// Set when the reader counts claims instead of keeping them (<see cref="Remittance835Reader.CountClaimsWith"/>, a dry
    /// run): the totals of the transaction's claims read so far (all of them in its last part); the remittance has no claims.
    /// </summary>
    internal Imports.ClaimTotals? Totals { get; init; }

    /// <summary>True when the transaction was mapped and has no errors.</summary>
    public bool Accepted => Remittance is not null;
}
