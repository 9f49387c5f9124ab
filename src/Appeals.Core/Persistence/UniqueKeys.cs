using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Core.Persistence;

/// <summary>
/// Recognises the database refusing a row because a unique index already holds its key: how a writer learns that a
/// writer on another node stored the same file, transaction or payer first (ADR 0110).
/// </summary>
internal static class UniqueKeys
{
    public const string ImportedFileHash = "IX_ImportedFiles_ContentHash";
    public const string RemittanceHash = "IX_Remittances_ContentHash";
    public const string PayerIdentifier = "IX_Payers_Identifier";

    /// <summary>Whether <paramref name="error"/> (or the database error inside an EF exception) is a violation of the unique index <paramref name="index"/>.</summary>
    public static bool IsViolation(Exception? error, string index) => (error is DbUpdateException { InnerException: { } inner } ? inner : error) switch
    {
        Npgsql.PostgresException pg => pg.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation && pg.ConstraintName == index,
        // SQLite names the columns ("UNIQUE constraint failed: Remittances.ContentHash"), SQL Server the index (2601).
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode == 2067 && sqlite.Message.Contains(Columns(index), StringComparison.Ordinal),
        Microsoft.Data.SqlClient.SqlException sql => sql.Number is 2601 or 2627 && sql.Message.Contains(index, StringComparison.Ordinal),
        _ => false,
    };

    // IX_Table_Column -> Table.Column
    private static string Columns(string index)
    {
        var parts = index.Split('_');
        return parts.Length == 3 ? $"{parts[1]}.{parts[2]}" : index;
    }
}
