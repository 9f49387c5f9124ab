using Appeals.Core.Imports;

namespace Appeals.Core.Remittances.X12.Validation;

/// <summary>The WEDI SNIP levels of implementation-guide checking that Appeals applies to an 835.</summary>
public enum SnipLevel
{
    /// <summary>Level 1: X12 syntax integrity (separators, segment ids, envelope counts, values that are not numbers).</summary>
    Syntax = 1,
    /// <summary>Level 2: the 005010X221A1 requirements: required segments and elements, repeats, lengths, dates that exist.</summary>
    Requirements = 2,
    /// <summary>Level 3: balancing: payment against claims, claims against their adjustments, lines against theirs.</summary>
    Balancing = 3,
    /// <summary>Level 4: situational rules, whose requirement depends on other data (a reversal's signs, a claim with no lines).</summary>
    Situational = 4,
    /// <summary>Level 5: external code sets (status, filing indicator, group codes, qualifiers, CARCs, RARCs).</summary>
    CodeSets = 5,
}

/// <summary>What a finding does to its transaction (ADR 0076).</summary>
public enum RuleSeverity
{
    /// <summary>Read and stored anyway; listed as a warning.</summary>
    Warn,
    /// <summary>The transaction is refused; the rest of the file goes on.</summary>
    Refuse,
}

/// <summary>One implementation-guide rule: a row of <see cref="X12Rules"/>.</summary>
/// <param name="Id">Stable id, e.g. "3.CLP.BALANCE": level, segment, what.</param>
/// <param name="Level">Its WEDI SNIP level.</param>
/// <param name="Severity">Refuse or warn, by the posting-safety policy of ADR 0076.</param>
/// <param name="Segment">The segment it applies to, e.g. "CLP".</param>
/// <param name="Element">The element it applies to, e.g. "CLP04"; empty for the segment as a whole.</param>
/// <param name="Summary">What the rule checks, in words.</param>
public sealed record X12Rule(string Id, SnipLevel Level, RuleSeverity Severity, string Segment, string Element, string Summary);

/// <summary>A rule broken at one place of one file.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Issue">Where (file, segment number, byte offset, segment id, element) and what, in words.</param>
/// <param name="Listed">The same issue as put among the transaction's errors or warnings: its message starts with the rule id in brackets, so that the import summary, the stored import messages and the import page name the rule.</param>
public sealed record X12Finding(X12Rule Rule, ImportIssue Issue, ImportIssue Listed)
{
    public bool Refuses => Rule.Severity == RuleSeverity.Refuse;
}
