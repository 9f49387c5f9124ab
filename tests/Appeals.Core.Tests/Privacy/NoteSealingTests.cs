using Appeals.Core.Cases;
using Appeals.Core.Persistence;
using Appeals.Core.Tests.Builders;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Core.Tests.Privacy;

/// <summary>A case note's text is sealed at rest like the other PHI columns (issue 14 item 9, ADR 0089).</summary>
public sealed class NoteSealingTests
{
    private const string Text = "ZZNOTETEXT spoke to the patient's daughter about the claim";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A context whose connection skips foreign keys: the note's case is not what these tests are about.</summary>
    private static async Task<AppealsDbContext> OpenWithoutForeignKeysAsync(TestDatabase database)
    {
        var db = database.Open();
        await db.Database.OpenConnectionAsync(Ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = OFF;", Ct);
        return db;
    }

    private static async Task<string> StoredTextAsync(AppealsDbContext db) =>
        await db.Database.SqlQueryRaw<string>("SELECT Text AS Value FROM CaseNotes").SingleAsync(Ct);

    [Fact]
    public async Task NoteText_IsStoredSealed_AndReadsBack()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = await OpenWithoutForeignKeysAsync(database))
        {
            db.CaseNotes.Add(new CaseNote { DenialCaseId = 999, Text = Text, CreatedBy = "specialist", CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync(Ct);
            Assert.DoesNotContain("ZZNOTETEXT", await StoredTextAsync(db));
        }

        await using var reader = database.Open();
        Assert.Equal(Text, (await reader.CaseNotes.SingleAsync(Ct)).Text);
    }

    [Fact]
    public async Task NotesWrittenBeforeSealing_AreSealedWhenTheMigrationIsApplied()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = await OpenWithoutForeignKeysAsync(database))
        {
            // A database of the build before: the note in plain text, the sealing migration not applied yet.
            await db.Database.ExecuteSqlRawAsync("INSERT INTO CaseNotes (DenialCaseId, Text, CreatedBy, CreatedAt) VALUES (999, {0}, 'specialist', '2026-12-01 10:00:00+00:00')", [Text], Ct);
            await db.Database.ExecuteSqlRawAsync("DELETE FROM __EFMigrationsHistory WHERE MigrationId LIKE '%_SealedNoteText'", Ct);
        }

        await using (var db = database.Open())
            await AppealsDatabase.MigrateAsync(db, Ct);

        await using var reader = database.Open();
        Assert.DoesNotContain("ZZNOTETEXT", await StoredTextAsync(reader));
        Assert.Equal(Text, (await reader.CaseNotes.SingleAsync(Ct)).Text);
    }
}
