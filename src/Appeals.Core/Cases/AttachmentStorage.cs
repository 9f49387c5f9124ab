using Appeals.Core.Persistence;
using Microsoft.Extensions.Configuration;

namespace Appeals.Core.Cases;

/// <summary>
/// Where files live outside the database (<c>Storage:Path</c>: uploads and case attachments), the same for the web app and the
/// CLI, and where one attachment's file is.
/// </summary>
public static class AttachmentStorage
{
    /// <summary><c>Storage:Path</c>, else a <c>files</c> folder beside the default SQLite file.</summary>
    public static string StoragePath(IConfiguration configuration) => StoragePath(configuration["Storage:Path"]);

    /// <summary>The configured folder, else a <c>files</c> folder beside the default SQLite file.</summary>
    public static string StoragePath(string? configured) =>
        configured is { Length: > 0 } ? configured : Path.Combine(Path.GetDirectoryName(AppealsDatabase.DefaultSqlitePath)!, "files");

    /// <summary>The attachments folder: <c>Storage:Path/attachments</c>.</summary>
    public static string Root(IConfiguration configuration) => Path.Combine(StoragePath(configuration), "attachments");

    /// <summary>A stored file's path: a two-character fan-out folder, then the key. Keys are checked so no stored value can walk out of the folder.</summary>
    public static string PathOf(string root, string key) =>
        key.Length == 32 && key.All(char.IsAsciiHexDigitLower)
            ? Path.Combine(root, key[..2], key)
            : throw new ArgumentException("Not an attachment storage key.", nameof(key));
}
