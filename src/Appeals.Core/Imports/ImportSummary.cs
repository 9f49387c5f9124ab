namespace Appeals.Core.Imports;

/// <summary>What an import did, serialised camelCase by <c>appeals import --json</c>.</summary>
public sealed class ImportSummary
{
    /// <summary>Files looked at.</summary>
    public int Files { get; set; }
    /// <summary>Files with at least one transaction newly stored or already stored, and none refused.</summary>
    public int Imported { get; set; }
    /// <summary>Files whose exact bytes were imported before: nothing done.</summary>
    public int Duplicates { get; set; }
    /// <summary>Files with at least one refused transaction, or that could not be read at all.</summary>
    public int Rejected { get; set; }
    /// <summary>Of the <see cref="Rejected"/> files, those whose complete transactions were stored all the same (a truncated file, say).</summary>
    public int PartlyImported { get; set; }

    /// <summary>Transactions (ST..SE) newly stored (in a dry run: that would be stored).</summary>
    public int Transactions { get; set; }
    /// <summary>CLP segments newly stored.</summary>
    public int Claims { get; set; }
    public int ServiceLines { get; set; }
    public int Adjustments { get; set; }
    public int DenialCases { get; set; }

    /// <summary>Sum of the denied adjustment amounts newly stored.</summary>
    public decimal DeniedAmount { get; set; }
    /// <summary>Sum of CLP03 of the claims newly stored.</summary>
    public decimal ChargedAmount { get; set; }
    /// <summary>Sum of CLP04 of the claims newly stored.</summary>
    public decimal PaidAmount { get; set; }

    /// <summary>Warnings in words with their location (file, segment, byte offset).</summary>
    public List<string> Warnings { get; set; } = [];
    public List<ImportError> Errors { get; set; } = [];
}
