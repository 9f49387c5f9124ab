namespace Appeals.Core.Imports;

/// <summary>The production <see cref="TransactionSource"/>: the streaming 835 reader.</summary>
internal static class Remittance835Source
{
    // TEMPORARY until the `reader` branch lands Remittance835Reader: every file is reported unreadable.
    public static IEnumerable<ReadTransaction> Read(Stream input, string fileName, List<ImportIssue> envelopeWarnings) =>
        throw new UnreadableFileException(new ImportIssue(fileName, 0, 0, "", "", "The 835 reader is not available in this build."));
}
