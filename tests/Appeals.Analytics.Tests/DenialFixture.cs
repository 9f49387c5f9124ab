using Appeals.Core.Denials;
using Appeals.Core.Imports;
using Appeals.Core.Persistence;
using Appeals.Core.Remittances;

namespace Appeals.Analytics.Tests;

/// <summary>Builds payers, adjudicated claims and denial cases the way the importer would leave them.</summary>
internal sealed class DenialFixture(AppealsDbContext db)
{
    private readonly ImportedFile _file = new() { FileName = "fixture.835", ContentHash = "fixture" };
    private int _claims;

    public Payer Payer(string name)
    {
        var payer = new Payer { Identifier = name.ToUpperInvariant(), Name = name };
        db.Payers.Add(payer);
        return payer;
    }

    /// <summary>One claim on its own remittance paid on <paramref name="paid"/>.</summary>
    public ClaimPayment Claim(Payer payer, decimal charged, DateOnly paid, string provider = "P1", int status = 1)
    {
        var claim = new ClaimPayment
        {
            PatientControlNumber = $"PCN{++_claims:D4}",
            StatusCode = status,
            ChargeAmount = charged,
            RenderingProviderId = provider,
        };
        db.Remittances.Add(new Remittance
        {
            ImportedFile = _file,
            Payer = payer,
            ContentHash = $"hash{_claims}",
            TransactionControlNumber = $"{_claims:D4}",
            PaymentDate = paid,
            Claims = [claim],
        });
        return claim;
    }

    public DenialCase Denial(ClaimPayment claim, Payer payer, decimal denied, string category, string reason, bool avoidable = false)
    {
        var remittance = db.Remittances.Local.Single(r => r.Claims.Contains(claim));
        var denial = new DenialCase
        {
            ClaimPayment = claim,
            Payer = payer,
            PatientControlNumber = claim.PatientControlNumber,
            RenderingProviderId = claim.RenderingProviderId,
            DenialDate = remittance.PaymentDate!.Value,
            Category = category,
            PrimaryReason = reason,
            Avoidable = avoidable,
            BilledAmount = claim.ChargeAmount,
            DeniedAmount = denied,
        };
        db.DenialCases.Add(denial);
        return denial;
    }

    public void Save() => db.SaveChanges();
}
