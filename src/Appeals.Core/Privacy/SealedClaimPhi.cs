using Appeals.Core.Remittances;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Appeals.Core.Privacy;

/// <summary>
/// The encrypted patient identity (names and member id) of each claim of one remittance, computed by the importer on its
/// read-ahead thread, so that the writing thread (the import's bottleneck) only binds them. Encrypting
/// costs about 3 µs per claim with envelope encryption (15-30 µs with one Data Protection call per value):
/// on the writer even that would add seconds to a million-claim import (ADR 0071). Without it the writers encrypt through
/// the model's converters, so a missing or stale seal costs time, never plain text.
/// </summary>
internal sealed class SealedClaimPhi
{
    private const int Slots = 1;
    private readonly IReadOnlyList<ClaimPayment> _claims;
    private readonly string[] _values;

    private SealedClaimPhi(IReadOnlyList<ClaimPayment> claims, string[] values) => (_claims, _values) = (claims, values);

    public static SealedClaimPhi Seal(IReadOnlyList<ClaimPayment> claims, PhiProtector protector)
    {
        var values = new string[claims.Count * Slots];
        for (var i = 0; i < claims.Count; i++)
        {
            values[i * Slots] = protector.Protect(PatientIdentity.Pack(claims[i].Patient));
        }
        return new SealedClaimPhi(claims, values);
    }

    /// <summary>Whether these are the claims that were sealed (the same list, not grown since).</summary>
    public bool Covers(object rows) => ReferenceEquals(rows, _claims) && _claims.Count * Slots == _values.Length;

    public string Get(int claim, int slot) => _values[claim * Slots + slot];

    /// <summary>The slot of an encrypted <see cref="ClaimPayment"/> column, else -1.</summary>
    public static int SlotOf(IProperty property) =>
        property.DeclaringType.ClrType == typeof(ClaimPayment) && property.Name == nameof(ClaimPayment.Patient) ? 0 : -1;
}
