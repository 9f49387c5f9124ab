using Appeals.Core.Imports;

namespace Appeals.Core.Remittances.X12.Validation;

/// <summary>Every finding of one file, read as the importer reads it but stored nowhere.</summary>
/// <param name="File">The file name.</param>
/// <param name="Transactions">Transactions (ST..SE) read.</param>
/// <param name="RefusedTransactions">Transactions the importer would refuse.</param>
/// <param name="Findings">In file order.</param>
public sealed record FileValidation(string File, int Transactions, int RefusedTransactions, IReadOnlyList<ValidationFinding> Findings)
{
    /// <summary>True when the importer would refuse something in the file (a transaction, or the whole file).</summary>
    public bool Refused => Findings.Any(f => f.Refuses);

    /// <summary>
    /// Reads <paramref name="input"/> with the 835 reader and classifies every issue: the rule table's
    /// findings as they are, the reader's own errors and warnings as level 1, envelope warnings as
    /// level 1 (the guide version as level 2), a file that cannot be read at all as a level 1 refusal.
    /// </summary>
    public static FileValidation Read(Stream input, string fileName)
    {
        var reader = new Remittance835Reader(input, fileName);
        var findings = new List<ValidationFinding>();
        int transactions = 0, refused = 0;
        try
        {
            foreach (var read in reader.ReadTransactions())
            {
                transactions++;
                if (!read.Accepted) refused++;
                var ruled = new HashSet<ImportIssue>(read.Findings.Select(f => f.Listed), ReferenceEqualityComparer.Instance);
                findings.AddRange(read.Findings.Select(f => ValidationFinding.From(f.Rule, f.Issue)));
                findings.AddRange(read.Errors.Where(e => !ruled.Contains(e)).Select(e => ValidationFinding.From(X12Rules.ReadError, e)));
                findings.AddRange(read.Warnings.Where(w => !ruled.Contains(w)).Select(w => ValidationFinding.From(X12Rules.ReadWarning, w)));
            }
        }
        catch (X12ParseException e)
        {
            findings.Add(ValidationFinding.From(X12Rules.Unreadable, e.Issue));
        }
        findings.AddRange(reader.EnvelopeWarnings.Select(w => ValidationFinding.From(w.Field == "GS08" ? X12Rules.GuideVersion : X12Rules.Envelope, w)));
        return new FileValidation(fileName, transactions, refused, findings.OrderBy(f => f.Segment).ToList());
    }

    /// <summary>Findings of levels 1 to <paramref name="level"/> only, as with <c>appeals validate --level N</c>.</summary>
    public FileValidation UpToLevel(int level) => this with { Findings = Findings.Where(f => f.Level <= level).ToList() };
}
