using System.Buffers.Text;
using Appeals.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Core.Privacy;

/// <summary>
/// The data step of migration <c>SealedNoteText</c> (ADR 0089): notes written before their text was sealed are sealed in place,
/// once, by the process that applies that migration. It needs the key ring, so it cannot be SQL in the migration itself; it
/// is kept here, apart from the generated files, so the migration can be regenerated.
/// </summary>
internal static class PlainNoteSealing
{
    public const string MigrationName = "SealedNoteText";

    public static async Task<int> SealPlainNotesAsync(AppealsDbContext db, PhiProtector phi, CancellationToken ct)
    {
        var rows = await db.Database.SqlQueryRaw<StoredNote>("SELECT Id, Text FROM CaseNotes").ToListAsync(ct);
        var sealedCount = 0;
        if (rows.Any(r => !LooksSealed(r.Text))) await phi.Keys.EnsureStoredAsync(db, ct); // the key before any value sealed with it
        foreach (var row in rows.Where(r => !LooksSealed(r.Text)))
        {
            sealedCount += await db.Database.ExecuteSqlRawAsync("UPDATE CaseNotes SET Text = {0} WHERE Id = {1}", [phi.Protect(row.Text), row.Id], ct);
        }
        return sealedCount;
    }

    /// <summary>Sealed text is base64url of an envelope; a note as people write it (spaces, punctuation) never is.</summary>
    private static bool LooksSealed(string text) =>
        text.Length == 0 || (Base64Url.IsValid(text) && PhiEnvelope.IsEnvelope(Base64Url.DecodeFromChars(text)));

    private sealed class StoredNote
    {
        public long Id { get; set; }
        public string Text { get; set; } = "";
    }
}
