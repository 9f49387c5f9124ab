namespace Appeals.Web.Hosting;

/// <summary>
/// <c>Storage:Path</c>: the folder for uploads (Imports) and case attachments (Cases), outside the database; on several
/// nodes a shared folder (ADR 0110). Unset, a "files" folder beside the default SQLite database.
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public string Path { get; set; } = "";

    /// <summary>The folder to use: <see cref="Path"/> when set.</summary>
    public string Root => Core.Cases.AttachmentStorage.StoragePath(Path);
}
