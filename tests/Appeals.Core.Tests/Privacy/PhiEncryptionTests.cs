using System.Buffers.Text;
using System.Text;
using Appeals.Core.Persistence;
using Appeals.Core.Privacy;
using Appeals.Core.Remittances;
using Appeals.Core.Tests.Builders;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Core.Tests.Privacy;

/// <summary>Patient names and member ids are encrypted at rest on both write paths (EF and the bulk import), ADR 0071.</summary>
public sealed class PhiEncryptionTests
{
    private const string LastName = "ZZPHILASTNAME";
    private const string FirstName = "ZZPHIFIRST";
    private const string MemberId = "ZZPHIMEMBER42";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ClaimPayment Claim(string pcn)
    {
        var claim = RemittanceBuilder.Claim(pcn).WithLine("99213", 200m, 0m, ("CO", "50", 200m));
        (claim.PatientLastName, claim.PatientFirstName, claim.MemberId) = (LastName, FirstName, MemberId);
        return claim;
    }

    private static AppealsDbContext Open(TestDatabase database, PhiProtector phi) =>
        AppealsDatabase.CreateContext(DatabaseProvider.Sqlite, database.ConnectionString, phi);

    [Fact]
    public async Task EfWrite_StoresNoPlainText_AndReadsItBack()
    {
        await using var database = await TestDatabase.CreateAsync();
        var phi = PhiKeyRing.Open(database.PathFor("keys"));
        await using (var db = Open(database, phi))
        {
            var remittance = RemittanceBuilder.Remittance("TRACE-EF", Claim("PCN-EF"));
            remittance.ImportedFile = new Appeals.Core.Imports.ImportedFile { FileName = "ef.835", ContentHash = new string('e', 64) };
            db.Remittances.Add(remittance);
            await db.SaveChangesAsync(Ct);
        }

        AssertNoPlainTextStored(database);
        await using var reader = Open(database, PhiKeyRing.Open(database.PathFor("keys"))); // the same folder, opened anew (the CLI, then the web app)
        var claim = await reader.ClaimPayments.SingleAsync(Ct);
        Assert.Equal((LastName, FirstName, MemberId), (claim.PatientLastName, claim.PatientFirstName, claim.MemberId));
    }

    [Fact]
    public async Task BulkImport_StoresNoPlainText_AndReadsItBack()
    {
        await using var database = await TestDatabase.CreateAsync();
        var phi = PhiKeyRing.Open(database.PathFor("keys"));
        var bed = new ImportBed(database);
        var file = bed.File("era.835", RemittanceBuilder.Remittance("TRACE-BULK", Claim("PCN-1"), Claim("PCN-2")));
        await using (var db = Open(database, phi))
        {
            var summary = await bed.Importer(db).ImportAsync([file], new Appeals.Core.Imports.ImportOptions(), null, Ct);
            Assert.Equal((2, 2), (summary.Claims, summary.DenialCases));
        }

        AssertNoPlainTextStored(database);
        // A new protector on the same folder (another process) finds the data key the bulk import stored.
        await using var reader = Open(database, PhiKeyRing.Open(database.PathFor("keys")));
        var claims = await reader.ClaimPayments.OrderBy(c => c.Id).ToListAsync(Ct);
        Assert.All(claims, c => Assert.Equal((LastName, FirstName, MemberId), (c.PatientLastName, c.PatientFirstName, c.MemberId)));
    }

    [Fact]
    public async Task AnotherKeyRing_CannotReadThem_AndSaysSo()
    {
        await using var database = await TestDatabase.CreateAsync();
        var bed = new ImportBed(database);
        var file = bed.File("era.835", RemittanceBuilder.Remittance("TRACE-KEYS", Claim("PCN-1")));
        await using (var db = Open(database, PhiKeyRing.Open(database.PathFor("keys"))))
            await bed.Importer(db).ImportAsync([file], new Appeals.Core.Imports.ImportOptions(), null, Ct);

        await using var other = Open(database, PhiKeyRing.Open(database.PathFor("other-keys")));
        var error = await Assert.ThrowsAsync<PhiUnreadableException>(() => other.ClaimPayments.SingleAsync(Ct));
        Assert.Contains("DataProtection:KeysPath", error.Message);
        Assert.DoesNotContain(MemberId, error.ToString());
        // What is not encrypted still reads: the claim is there, only its PHI is locked.
        Assert.Equal("PCN-1", await other.ClaimPayments.Select(c => c.PatientControlNumber).SingleAsync(Ct));
    }

    [Fact]
    public async Task ContextWithoutAProtector_RefusesToBuildItsModel()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = new AppealsDbContext(new DbContextOptionsBuilder<AppealsDbContext>().UseSqlite(database.ConnectionString).Options);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.ClaimPayments.CountAsync(Ct));
        Assert.Contains("PhiProtector", error.Message);
    }

    [Fact]
    public async Task RefusedFile_KeepsItsBytesEncrypted_AndReadsThemBack()
    {
        await using var database = await TestDatabase.CreateAsync();
        var phi = PhiKeyRing.Open(database.PathFor("keys"));
        var bed = new ImportBed(database);
        const string content = "NM1*QC*1*ZZPHILASTNAME*ZZPHIFIRST****MI*ZZPHIMEMBER42~ this is not an 835";
        var file = bed.File("refused.835", content);
        await using (var db = Open(database, phi))
            Assert.Equal(1, (await bed.Importer(db).ImportAsync([file], new Appeals.Core.Imports.ImportOptions(), null, Ct)).Rejected);

        using (var connection = new SqliteConnection(database.ConnectionString))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT OriginalBytes FROM ImportedFiles";
            var raw = (byte[])command.ExecuteScalar()!;
            Assert.Equal(-1, raw.AsSpan().IndexOf(Encoding.UTF8.GetBytes(MemberId)));
        }
        await using var reader = Open(database, phi);
        Assert.Equal(content, Encoding.UTF8.GetString((await reader.ImportedFiles.SingleAsync(Ct)).OriginalBytes!));
    }

    [Fact]
    public async Task EfWrite_StoresTheDataKeyOnlyProtected_AndAnotherKeyRingCannotReadIt()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = Open(database, PhiKeyRing.Open(database.PathFor("keys"))))
        {
            var remittance = RemittanceBuilder.Remittance("TRACE-EF2", Claim("PCN-EF2"));
            remittance.ImportedFile = new Appeals.Core.Imports.ImportedFile { FileName = "ef.835", ContentHash = new string('f', 64) };
            db.Remittances.Add(remittance);
            await db.SaveChangesAsync(Ct);
            var key = await db.PhiDataKeys.SingleAsync(Ct);
            Assert.True(key.ProtectedKey.Length > 32); // a Data Protection payload, not the 32 clear bytes
        }

        await using var other = Open(database, PhiKeyRing.Open(database.PathFor("other-keys")));
        var error = await Assert.ThrowsAsync<PhiUnreadableException>(() => other.ClaimPayments.SingleAsync(Ct));
        Assert.DoesNotContain(MemberId, error.ToString());
    }

    [Fact]
    public async Task RolledBackFirstSave_DoesNotLoseTheDataKey_OfTheNextSave()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = Open(database, PhiKeyRing.Open(database.PathFor("keys"))))
        {
            await using (var tx = await db.Database.BeginTransactionAsync(Ct))
            {
                db.Remittances.Add(WithFile(RemittanceBuilder.Remittance("TRACE-RB", Claim("PCN-RB")), 'a'));
                await db.SaveChangesAsync(Ct);
                await tx.RollbackAsync(Ct); // takes the key row away with the claim
            }
            db.ChangeTracker.Clear();
            db.Remittances.Add(WithFile(RemittanceBuilder.Remittance("TRACE-OK", Claim("PCN-OK")), 'b'));
            await db.SaveChangesAsync(Ct);
        }

        await using var reader = Open(database, PhiKeyRing.Open(database.PathFor("keys")));
        var claim = await reader.ClaimPayments.SingleAsync(Ct);
        Assert.Equal(("PCN-OK", MemberId), (claim.PatientControlNumber, claim.MemberId));
    }

    [Fact]
    public async Task MissingDataKeyRow_GivesTheClearError()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = Open(database, PhiKeyRing.Open(database.PathFor("keys"))))
        {
            db.Remittances.Add(WithFile(RemittanceBuilder.Remittance("TRACE-MK", Claim("PCN-MK")), 'c'));
            await db.SaveChangesAsync(Ct);
            await db.PhiDataKeys.ExecuteDeleteAsync(Ct);
        }

        await using var reader = Open(database, PhiKeyRing.Open(database.PathFor("keys")));
        var error = await Assert.ThrowsAsync<PhiUnreadableException>(() => reader.ClaimPayments.SingleAsync(Ct));
        Assert.DoesNotContain(MemberId, error.ToString());
    }

    private static Remittance WithFile(Remittance remittance, char hash)
    {
        remittance.ImportedFile = new Appeals.Core.Imports.ImportedFile { FileName = $"{hash}.835", ContentHash = new string(hash, 64) };
        return remittance;
    }

    [Fact]
    public void SamePlainText_EncryptsDifferentlyEachTime_AndBothReadBack()
    {
        var phi = PhiKeyRing.Ephemeral();
        var first = phi.Protect(MemberId);
        var second = phi.Protect(MemberId);
        Assert.NotEqual(first, second);
        Assert.Equal((MemberId, MemberId), (phi.Unprotect(first), phi.Unprotect(second)));
    }

    [Fact]
    public void ManyThreads_ProtectAndUnprotect_WithoutMixingValues()
    {
        var phi = PhiKeyRing.Ephemeral();
        var stored = new string[2000];
        Parallel.For(0, stored.Length, i => stored[i] = phi.Protect($"ZZMEMBER{i}"));
        var read = new string[stored.Length];
        Parallel.For(0, stored.Length, i => read[i] = phi.Unprotect(stored[i]));
        Assert.Equal(Enumerable.Range(0, stored.Length).Select(i => $"ZZMEMBER{i}"), read);
    }

    [Theory]
    [InlineData(0)] // the version byte
    [InlineData(5)] // the data key id
    [InlineData(20)] // the nonce
    [InlineData(35)] // the tag
    [InlineData(-1)] // the ciphertext
    public void TamperedValue_IsRefused_WithTheClearError(int index)
    {
        var phi = PhiKeyRing.Ephemeral();
        var stored = phi.Protect(Encoding.UTF8.GetBytes(MemberId));
        stored[index < 0 ? stored.Length - 1 : index] ^= 0x01;
        var error = Assert.Throws<PhiUnreadableException>(() => phi.Unprotect(stored));
        Assert.DoesNotContain(MemberId, error.ToString());
        var text = phi.Protect(MemberId);
        Assert.Throws<PhiUnreadableException>(() => phi.Unprotect(text[..^2] + (text[^2] == 'A' ? "B" : "A") + text[^1]));
    }

    /// <summary>The raw columns hold envelope ciphertext, and no byte of the database files spells the plain values.</summary>
    private static void AssertNoPlainTextStored(TestDatabase database)
    {
        using (var connection = new SqliteConnection(database.ConnectionString))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT PatientIdentity FROM ClaimPayments";
            using var reader = command.ExecuteReader();
            var rows = 0;
            while (reader.Read())
            {
                rows++;
                Assert.True(PhiEnvelope.IsEnvelope(Base64Url.DecodeFromChars(reader.GetString(0)))); // envelope: version byte, key id, nonce, tag, ciphertext
            }
            Assert.True(rows > 0);
        }
        SqliteConnection.ClearAllPools();
        foreach (var path in Directory.EnumerateFiles(database.Folder, "appeals.db*"))
        {
            var bytes = File.ReadAllBytes(path);
            foreach (var plain in new[] { LastName, FirstName, MemberId })
            {
                Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(plain)));
                Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(plain)));
            }
        }
    }
}
