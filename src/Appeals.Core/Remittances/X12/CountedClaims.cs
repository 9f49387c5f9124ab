namespace Appeals.Core.Remittances.X12;

/// <summary>
/// The claim objects a dry run maps into (ADR 0132): a dry run counts each claim as it ends and drops it (ADR 0093), so
/// instead of allocating a claim, its lines and its adjustments for every CLP, each mapping thread reuses the objects of
/// the claim before last. Two sets alternate because the validator still reads the claim that just ended (and its last
/// line) when the next CLP starts; by the CLP after that it has let go of them. Everything a fresh object would hold is
/// reset on reuse (a test compares a reused object with a fresh one, property by property).
/// </summary>
internal sealed class CountedClaims
{
    private readonly Set[] _sets = [new(), new()];
    private Set _current;

    internal CountedClaims() => _current = _sets[0];

    /// <summary>The claim of the next CLP: the claim before last's object, reset.</summary>
    internal ClaimPayment NextClaim()
    {
        _current = ReferenceEquals(_current, _sets[0]) ? _sets[1] : _sets[0];
        _current.Lines = _current.Adjustments = 0;
        var claim = _current.Claim;
        claim.Id = claim.RemittanceId = 0;
        claim.ReversesClaimPaymentId = null;
        claim.PatientControlNumber = "";
        claim.StatusCode = 0;
        claim.ChargeAmount = claim.PaymentAmount = 0;
        claim.PatientResponsibilityAmount = null;
        claim.ClaimFilingIndicator = claim.PayerClaimControlNumber = claim.FacilityTypeCode = claim.FrequencyCode = "";
        claim.OriginalReferenceNumber = claim.RenderingProviderId = "";
        claim.Patient = PatientIdentity.Empty;
        claim.ServiceDateFrom = claim.ServiceDateTo = claim.ReceivedDate = null;
        return claim;
    }

    /// <summary>A service line for the current claim, reset.</summary>
    internal ServiceLine NextLine(int lineNumber)
    {
        var set = _current;
        if (set.Lines == set.LinePool.Count) set.LinePool.Add(new ServiceLine());
        var line = set.LinePool[set.Lines++];
        line.Id = line.ClaimPaymentId = 0;
        line.LineNumber = lineNumber;
        line.ProcedureQualifier = line.ProcedureCode = line.Modifiers = line.RevenueCode = line.LineControlNumber = "";
        line.ChargeAmount = line.PaidAmount = 0;
        line.Units = 1;
        line.ServiceDate = null;
        line.AllowedAmount = null;
        return line;
    }

    /// <summary>An adjustment for the current claim, reset.</summary>
    internal Adjustment NextAdjustment(string groupCode, string carc)
    {
        var set = _current;
        if (set.Adjustments == set.AdjustmentPool.Count) set.AdjustmentPool.Add(new Adjustment { GroupCode = "", Carc = "" });
        var adjustment = set.AdjustmentPool[set.Adjustments++];
        adjustment.Id = adjustment.ClaimPaymentId = 0;
        adjustment.ServiceLineId = null;
        adjustment.GroupCode = groupCode;
        adjustment.Carc = carc;
        adjustment.Amount = 0;
        adjustment.Quantity = null;
        adjustment.ServiceLine = null;
        adjustment.IsDenial = adjustment.IsShiftedToPatient = false;
        adjustment.Category = "";
        return adjustment;
    }

    private sealed class Set
    {
        internal ClaimPayment Claim { get; } = new() { PatientControlNumber = "" };
        internal List<ServiceLine> LinePool { get; } = [];
        internal List<Adjustment> AdjustmentPool { get; } = [];
        internal int Lines, Adjustments;
    }
}
