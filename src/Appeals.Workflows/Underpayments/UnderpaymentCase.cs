using Appeals.Core.Contracts;
using Appeals.Core.Denials;
using Appeals.ML.Scoring;

namespace Appeals.Workflows.Underpayments;

/// <summary>Makes the case of a short-paid claim: in the denial queue, by kind, scored as chance × shortfall.</summary>
internal static class UnderpaymentCase
{
    /// <summary>What <see cref="DenialCase.PrimaryReason"/> says for an underpayment (no CARC is the reason: the contract is).</summary>
    public const string Reason = "contract";

    public static DenialCase Open(ClaimVariance variance, ClaimFacts claim, long payerId, DateOnly denialDate, DateTimeOffset now, UnderpaymentScoring scoring)
    {
        var shortfall = variance.Shortfall;
        var (p, why) = scoring.For(payerId);
        var expected = decimal.Round((decimal)p * shortfall, 2);
        var largest = variance.Largest;
        return new DenialCase
        {
            ClaimPaymentId = claim.Id,
            PayerId = payerId,
            PatientControlNumber = claim.PatientControlNumber,
            PayerClaimControlNumber = claim.PayerClaimControlNumber,
            RenderingProviderId = claim.RenderingProviderId,
            ProcedureCode = largest.Line.ProcedureCode,
            ServiceDate = claim.ServiceDateFrom ?? largest.Line.ServiceDate,
            DenialDate = denialDate,
            Kind = CaseKinds.Underpayment,
            Category = CaseKinds.UnderpaymentCategory,
            PrimaryReason = Reason,
            BilledAmount = claim.ChargeAmount,
            // The money at stake: what the queue, the outcome matching (paid >= this closes it as recovered) and the
            // letters read as the case's amount. The dashboard's denial rollups leave underpayment cases out.
            DeniedAmount = shortfall,
            ShortfallAmount = shortfall,
            CreatedAt = now,
            RecoveryProbability = p,
            ExpectedRecovery = expected,
            ScoreSource = UnderpaymentScoring.Source,
            ScoreExplanation = $"underpayment: {why}",
            ScoredAt = now,
            Priority = PriorityRule.Priority(expected, null, DateOnly.FromDateTime(now.UtcDateTime)),
            DeadlineBasis = "a payment dispute follows the contract's dispute terms, not the payer's appeal rules",
        };
    }
}
