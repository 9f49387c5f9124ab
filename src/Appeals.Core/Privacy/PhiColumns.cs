using Appeals.Core.Imports;
using Appeals.Core.Letters;
using Appeals.Core.Remittances;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Appeals.Core.Privacy;

/// <summary>
/// The columns stored encrypted, each with a value converter over the context's <see cref="PhiProtector"/>.
/// EF writes and reads through the converters, and so does the bulk importer (its writers apply the
/// model's converters), so no path stores these in plain text.
/// </summary>
internal static class PhiColumns
{
    /// <summary>
    /// Room for the encrypted patient identity at X12's longest (NM103 60, NM104 35, NM109 80 characters,
    /// up to 3 UTF-8 bytes each, plus prefixes): the envelope adds 45 bytes (ADR 0071) and the result is base64url text.
    /// </summary>
    public const int MaxLength = 1024;

    public static void Configure(ModelBuilder model, PhiProtector protector, bool forCompiledModel)
    {
        if (forCompiledModel) ConfigureForCompiledModel(model);
        else Configure(model, protector);
    }

    private static void Configure(ModelBuilder model, PhiProtector protector)
    {
        var bytes = new ValueConverter<byte[], byte[]>(v => protector.Protect(v), v => protector.Unprotect(v));
        model.Entity<ClaimPayment>().Property(c => c.Patient).HasConversion(new ValueConverter<PatientIdentity, string>(
            v => protector.Protect(PatientIdentity.Pack(v)), v => PatientIdentity.Unpack(protector.Unprotect(v))));
        // A note's text is whatever a specialist typed about the patient's claim (ADR 0089).
        model.Entity<Cases.CaseNote>().Property(n => n.Text).HasConversion(new ValueConverter<string, string>(v => protector.Protect(v), v => protector.Unprotect(v)));
        // A letter names the patient and quotes the member id; a refused 835 file holds every NM1*QC.
        model.Entity<AppealLetter>().Property(l => l.Content).HasConversion(bytes, BytesByContent<byte[]>());
        // EF never passes null to a converter; the nullable type only satisfies the property's signature.
        model.Entity<ImportedFile>().Property(f => f.OriginalBytes).HasConversion(new ValueConverter<byte[]?, byte[]?>(
            v => v == null ? null : protector.Protect(v), v => v == null ? null : protector.Unprotect(v)), BytesByContent<byte[]?>());
    }

    /// <summary>
    /// The same columns and converters as <see cref="Configure(ModelBuilder, PhiProtector)"/>, written so that
    /// <c>dotnet ef dbcontext optimize</c> can turn them into code: they reach the protector through
    /// <see cref="CompiledModelPhi"/> instead of holding it (ADR 0092).
    /// </summary>
    private static void ConfigureForCompiledModel(ModelBuilder model)
    {
        model.Entity<ClaimPayment>().Property(c => c.Patient).HasConversion(new ValueConverter<PatientIdentity, string>(
            v => CompiledModelPhi.Protector.Protect(PatientIdentity.Pack(v)), v => PatientIdentity.Unpack(CompiledModelPhi.Protector.Unprotect(v))));
        model.Entity<Cases.CaseNote>().Property(n => n.Text).HasConversion(new ValueConverter<string, string>(
            v => CompiledModelPhi.Protector.Protect(v), v => CompiledModelPhi.Protector.Unprotect(v)));
        model.Entity<AppealLetter>().Property(l => l.Content).HasConversion(new ValueConverter<byte[], byte[]>(
            v => CompiledModelPhi.Protector.Protect(v), v => CompiledModelPhi.Protector.Unprotect(v)), BytesByContent<byte[]>());
        model.Entity<ImportedFile>().Property(f => f.OriginalBytes).HasConversion(new ValueConverter<byte[]?, byte[]?>(
            v => v == null ? null : CompiledModelPhi.Protector.Protect(v), v => v == null ? null : CompiledModelPhi.Protector.Unprotect(v)), BytesByContent<byte[]?>());
    }

    /// <summary>
    /// Change tracking compares the plain bytes by content: with a converter EF cannot assume byte[]'s own
    /// comparison, and a reference comparison would miss an edit made in place.
    /// </summary>
    private static ValueComparer<T> BytesByContent<T>() where T : class?, IEnumerable<byte>? => new(
        (a, b) => a == null ? b == null : b != null && a.SequenceEqual(b),
        v => v == null ? 0 : v.Aggregate(17, (h, x) => unchecked(h * 31 + x)),
        v => v == null ? v! : (T)(object)v.ToArray());
}
