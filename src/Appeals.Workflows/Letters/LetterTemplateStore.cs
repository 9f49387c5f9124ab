using System.Security.Cryptography;
using Appeals.Core.Letters;
using Appeals.Core.Persistence;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Workflows.Letters;

/// <summary>A template ready to render: its bytes and the version they are (0 = the shipped file).</summary>
public sealed record LetterTemplateVersion(string Kind, int Version, byte[] Content);

/// <summary>One version of a kind's template as the admin page lists it (version 0 is the shipped file).</summary>
public sealed record LetterTemplateListing(string Kind, int Version, string Sha256, string UploadedBy, DateTimeOffset? UploadedAt, bool Current);

/// <summary>
/// Where templates come from: the newest version an admin uploaded, else the shipped
/// templates/letters/KIND.docx (copied beside the binaries; <c>Letters:TemplatesPath</c> overrides).
/// </summary>
public sealed class LetterTemplateStore(AppealsDbContext db, string shippedFolder, TimeProvider time)
{
    /// <summary>The folder the build copies the shipped templates to.</summary>
    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "templates", "letters");

    public async Task<LetterTemplateVersion> CurrentAsync(string kind, CancellationToken ct = default)
    {
        var uploaded = await db.LetterTemplates.AsNoTracking().Where(t => t.Kind == kind)
            .OrderByDescending(t => t.Version).FirstOrDefaultAsync(ct);
        if (uploaded is not null) return new LetterTemplateVersion(kind, uploaded.Version, uploaded.Content);
        var path = Path.Combine(shippedFolder, kind + ".docx");
        if (!File.Exists(path))
            throw new FileNotFoundException($"No letter template for '{kind}': neither uploaded nor shipped at {path}.", path);
        return new LetterTemplateVersion(kind, 0, await File.ReadAllBytesAsync(path, ct));
    }

    /// <summary>
    /// The placeholder names of <paramref name="kind"/>'s current template. The case page asks on every view; a template
    /// version never changes once stored, so each is opened and scanned once per process (keyed by its version and SHA-256,
    /// the shipped file by its path, size and time written) and its bytes are not read again.
    /// </summary>
    public async Task<IReadOnlySet<string>> CurrentPlaceholdersAsync(string kind, CancellationToken ct = default)
    {
        var uploaded = await db.LetterTemplates.AsNoTracking().Where(t => t.Kind == kind)
            .OrderByDescending(t => t.Version).Select(t => new { t.Version, t.Sha256 }).FirstOrDefaultAsync(ct);
        string key;
        if (uploaded is not null) key = $"uploaded\n{kind}\n{uploaded.Version}\n{uploaded.Sha256}";
        else
        {
            var file = new FileInfo(Path.Combine(shippedFolder, kind + ".docx"));
            if (!file.Exists)
                throw new FileNotFoundException($"No letter template for '{kind}': neither uploaded nor shipped at {file.FullName}.", file.FullName);
            key = $"shipped\n{file.FullName}\n{file.Length}\n{file.LastWriteTimeUtc.Ticks}";
        }
        if (ScannedPlaceholders.TryGetValue(key, out var names)) return names;
        var content = uploaded is not null
            ? (await VersionAsync(kind, uploaded.Version, ct))!.Content
            : await File.ReadAllBytesAsync(Path.Combine(shippedFolder, kind + ".docx"), ct);
        using var document = WordprocessingDocument.Open(new MemoryStream(content, writable: false), isEditable: false);
        return ScannedPlaceholders.GetOrAdd(key, LetterPlaceholders.Scan(document).Names);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlySet<string>> ScannedPlaceholders = new(StringComparer.Ordinal);

    /// <summary>Every version of <paramref name="kind"/>, newest first, the one new letters use marked current.</summary>
    public async Task<IReadOnlyList<LetterTemplateListing>> VersionsAsync(string kind, CancellationToken ct = default)
    {
        var uploaded = await db.LetterTemplates.AsNoTracking().Where(t => t.Kind == kind)
            .Select(t => new { t.Version, t.Sha256, t.UploadedBy, t.UploadedAt }).ToListAsync(ct);
        var list = uploaded.OrderByDescending(t => t.Version)
            .Select((t, i) => new LetterTemplateListing(kind, t.Version, t.Sha256, t.UploadedBy, t.UploadedAt, Current: i == 0))
            .ToList();
        var shipped = Path.Combine(shippedFolder, kind + ".docx");
        if (File.Exists(shipped))
            list.Add(new LetterTemplateListing(kind, 0, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(shipped, ct))),
                "shipped with Appeals", null, Current: list.Count == 0));
        return list;
    }

    /// <summary>The bytes of one version (0 = the shipped file), or null when there is no such version.</summary>
    public async Task<LetterTemplateVersion?> VersionAsync(string kind, int version, CancellationToken ct = default)
    {
        if (!LetterKinds.All.Contains(kind)) return null;
        if (version == 0)
        {
            var path = Path.Combine(shippedFolder, kind + ".docx");
            return File.Exists(path) ? new LetterTemplateVersion(kind, 0, await File.ReadAllBytesAsync(path, ct)) : null;
        }
        var content = await db.LetterTemplates.AsNoTracking().Where(t => t.Kind == kind && t.Version == version)
            .Select(t => t.Content).FirstOrDefaultAsync(ct);
        return content is null ? null : new LetterTemplateVersion(kind, version, content);
    }

    /// <summary>
    /// Stores an admin's new template version after checking it opens as .docx, uses only known
    /// placeholders and passes the validator. Returns the problems instead when it does not.
    /// </summary>
    public async Task<(LetterTemplate? Template, IReadOnlyList<string> Errors)> UploadAsync(string kind, byte[] content, string user, CancellationToken ct = default)
    {
        if (!LetterKinds.All.Contains(kind)) return (null, [$"Unknown letter kind '{kind}'."]);
        var (placeholders, errors) = Check(content);
        if (errors.Count > 0) return (null, errors);
        var version = (await db.LetterTemplates.Where(t => t.Kind == kind).MaxAsync(t => (int?)t.Version, ct) ?? 0) + 1;
        var template = new LetterTemplate
        {
            Kind = kind, Version = version, Content = content, Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            Placeholders = string.Join(",", placeholders), UploadedBy = user, UploadedAt = time.GetUtcNow(),
        };
        db.LetterTemplates.Add(template);
        await db.SaveChangesAsync(ct);
        return (template, []);
    }

    /// <summary>The template's placeholders and every reason it cannot be used.</summary>
    public static (IReadOnlyList<string> Placeholders, IReadOnlyList<string> Errors) Check(byte[] content)
    {
        // The raw package first: Open XML must never unpack a bomb or resolve a DOCTYPE.
        if (DocxPackageCheck.Problems(content) is { Count: > 0 } refused) return ([], refused);
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var document = WordprocessingDocument.Open(stream, isEditable: false);
            var (names, malformed) = LetterPlaceholders.Scan(document);
            var errors = malformed.Select(m => $"Malformed placeholder text: {m}")
                .Concat(names.Where(n => !LetterFields.Known.Contains(n)).Order(StringComparer.Ordinal).Select(n => $"Unknown placeholder {{{{{n}}}}}"))
                .Concat(LetterRenderer.Validate(document))
                .ToList();
            if (names.Count == 0) errors.Add("The template has no {{Field}} placeholders.");
            return (names.Order(StringComparer.Ordinal).ToList(), errors);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or InvalidOperationException)
        {
            return ([], [$"Not a readable .docx: {e.Message}"]);
        }
    }
}
