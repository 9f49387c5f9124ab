using Appeals.Core.Cases;

namespace Appeals.Web.Cases;

/// <summary>
/// Attachments:MaxFileBytes and Attachments:AllowedTypes (comma-separated names: pdf, png, jpeg,
/// tiff, docx, txt). The files themselves go under Storage:Path/attachments.
/// </summary>
public sealed class AttachmentOptions
{
    public const string Section = "Attachments";

    public long MaxFileBytes { get; set; } = 20L * 1024 * 1024;
    /// <summary>A comma-separated string rather than an array, so that configuration replaces the default instead of appending to it.</summary>
    public string AllowedTypes { get; set; } = "pdf,png,jpeg,tiff,docx,txt";

    /// <summary>The whole request may be a little larger than the file: multipart framing and the antiforgery field.</summary>
    public long MaxRequestBytes => MaxFileBytes + 1024 * 1024;

    public IReadOnlyList<string> TypeNames => AllowedTypes.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public IReadOnlyList<AttachmentType> Types => TypeNames.Select(AttachmentType.ByName).OfType<AttachmentType>().ToList();

    /// <summary>"PDF, PNG, JPEG" for messages and the form's label.</summary>
    public string Labels => string.Join(", ", Types.Select(t => t.Label));

    /// <summary>".pdf,.png,…" for the file input's accept attribute.</summary>
    public string Accept => string.Join(",", Types.SelectMany(t => t.Extensions));

    public bool IsValid => TypeNames.Count > 0 && TypeNames.All(n => AttachmentType.ByName(n) is not null) && MaxFileBytes > 0;

    public static string Size(long bytes) => bytes >= 1024 * 1024
        ? $"{bytes / (1024.0 * 1024):0.#} MB"
        : bytes >= 1024 ? $"{bytes / 1024.0:0.#} KB" : $"{bytes} bytes";
}
