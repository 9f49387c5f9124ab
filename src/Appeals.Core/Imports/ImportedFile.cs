namespace Appeals.Core.Imports;

/// <summary>An 835 file as it was received, and what became of it.</summary>
public sealed class ImportedFile
{
    public long Id { get; set; }

    /// <summary>The file name as given (no folder), for people; never used as a key.</summary>
    public required string FileName { get; set; }
    /// <summary>SHA-256 (hex) of the whole file: importing the same file again is a duplicate.</summary>
    public required string ContentHash { get; set; }
    public long SizeBytes { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
    public ImportStatus Status { get; set; }

    /// <summary>Transactions in the file that were stored, found already stored, and refused.</summary>
    public int TransactionsImported { get; set; }
    public int TransactionsDuplicate { get; set; }
    public int TransactionsRejected { get; set; }

    /// <summary>The file's bytes, kept when any of it was rejected so it can be fixed and re-imported.</summary>
    public byte[]? OriginalBytes { get; set; }

    public List<ImportMessage> Messages { get; set; } = [];
}

public enum ImportStatus
{
    /// <summary>Every transaction was stored (or was already stored).</summary>
    Imported,
    /// <summary>Some transactions were stored and some refused.</summary>
    PartiallyImported,
    /// <summary>Nothing in the file could be stored.</summary>
    Rejected,
    /// <summary>Being imported now, or the import was interrupted: importing the file again resumes it.</summary>
    Importing,
}
