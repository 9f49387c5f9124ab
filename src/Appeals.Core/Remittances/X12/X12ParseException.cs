using Appeals.Core.Imports;

namespace Appeals.Core.Remittances.X12;

/// <summary>
/// The file as a whole cannot be read as X12 (not X12 at all, no ISA and no ST, a truncated ISA,
/// a segment with no terminator in sight). Problems inside one transaction are not thrown: they are
/// returned as located errors on its <see cref="TransactionRead"/>.
/// </summary>
public sealed class X12ParseException : Exception
{
    public X12ParseException(ImportIssue issue)
        : base(issue.ToString()) => Issue = issue;

    /// <summary>Where the file stopped being readable, and why.</summary>
    public ImportIssue Issue { get; }
}
