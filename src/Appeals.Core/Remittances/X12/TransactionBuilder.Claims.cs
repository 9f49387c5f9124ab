namespace Appeals.Core.Remittances.X12;

/// <summary>Claim (CLP), adjustment (CAS), service line (SVC), remark (MIA/MOA/LQ) and provider adjustment (PLB) mapping.</summary>
internal sealed partial class TransactionBuilder
{
    private void Clp()
    {
        // The previous claim is complete: finish it now, while its objects are still in cache.
        EndClaim();
        _counts.Claims++;
        var status = 0;
        if (!_s[2].IsEmpty && !X12Values.TryInt(_s[2], out status))
            Error(2, $"CLP02 ({X12Values.Preview(_s[2])}) is not a claim status code.");
        else if (_s[2].IsEmpty) Warn(2, "CLP02, the claim status, is missing.");
        // A dry run maps into reused objects and leaves out the claim's ids and names, which nothing it reports reads (ADR 0132);
        // the amounts are read in the same order either way, so the same warnings and errors come out in the same order.
        var claim = _counted is { } counted ? counted.NextClaim() : new ClaimPayment { PatientControlNumber = X12Values.Text(_s[1]) };
        claim.StatusCode = status;
        claim.ChargeAmount = RequiredAmount(3);
        claim.PaymentAmount = RequiredAmount(4);
        claim.PatientResponsibilityAmount = OptionalAmount(5);
        claim.ClaimFilingIndicator = _codes.Get(_s[6]);
        if (_counted is null) claim.PayerClaimControlNumber = X12Values.Text(_s[7]);
        claim.FacilityTypeCode = _codes.Get(_s[8]);
        claim.FrequencyCode = _codes.Get(_s[9]);
        _claim = claim;
        if (_countWith is null) _scratch.Claims.Add(_claim); // else counted and dropped when it ends
    }

    private void Cas()
    {
        if (_claim is null)
        {
            Error(0, "CAS comes before any CLP: an adjustment must belong to a claim.");
            return;
        }
        if (_line is null) _counts.ClaimAdjustmentSegments++;
        else _counts.LineAdjustmentSegments++;
        var group = _codes.Get(_s[1]);
        if (group.Length == 0) Error(1, "CAS01, the adjustment group code, is missing.");
        for (int i = 2, count = _s.Count; i < count; i += 3)
        {
            var reason = _s[i];
            var amount = _s[i + 1];
            if (reason.IsEmpty)
            {
                if (!amount.IsEmpty) Error(i, $"CAS{i:D2}, the reason code for the amount in CAS{i + 1:D2}, is missing.");
                continue;
            }
            var adjustment = _counted?.NextAdjustment(group, _codes.Get(reason)) ?? new Adjustment { GroupCode = group, Carc = _codes.Get(reason) };
            adjustment.Amount = amount.IsEmpty ? MissingAmount(i + 1) : Amount(amount, i + 1);
            adjustment.Quantity = i + 2 < count ? OptionalAmount(i + 2) : null;
            adjustment.ServiceLine = _line;
            _scratch.Adjustments.Add(adjustment);
        }
    }

    private void ClaimParty()
    {
        if (_claim is null || _line is not null || _counted is not null) return; // a dry run reads no names or ids
        var entity = _s[1];
        if (entity.SequenceEqual("QC"u8))
        {
            // short names repeat: the cache saves a string per claim
            _claim.Patient = new PatientIdentity(_codes.Get(_s[3]), _codes.Get(_s[4]), X12Values.Text(_s[9]));
        }
        else if (entity.SequenceEqual("82"u8)) _claim.RenderingProviderId = X12Values.Text(_s[9]);
    }

    /// <summary>MIA05 and MIA20-23, MOA03-07 carry remark codes; the other elements are amounts and counts.</summary>
    private void Remarks(string source, int single, int from, int to)
    {
        if (_claim is null)
        {
            Error(0, $"{source} comes before any CLP: remarks must belong to a claim.");
            return;
        }
        if (source == "MIA") _counts.MiaSegments++;
        else _counts.MoaSegments++;
        if (single != from) AddRemark(source, single);
        for (var i = from; i <= to; i++) AddRemark(source, i);
    }

    private void AddRemark(string source, int element)
    {
        if (_s[element].IsEmpty || _counted is not null) return; // a dry run counts no remarks (the validator checks their codes)
        _scratch.Remarks.Add(new RemarkCode { Source = source, Code = _codes.Get(_s[element]) });
    }

    private void Lq()
    {
        if (_claim is null)
        {
            Error(0, "LQ comes before any CLP: a remark must belong to a claim.");
            return;
        }
        _counts.LqSegments++;
        if (_s[2].IsEmpty)
        {
            Warn(2, "LQ02, the remark code, is missing.");
            return;
        }
        if (_counted is not null) return; // a dry run counts no remarks
        _scratch.Remarks.Add(new RemarkCode
        {
            Source = "LQ",
            Qualifier = _codes.Get(_s[1]),
            Code = _codes.Get(_s[2]),
            ServiceLine = _line,
        });
    }

    private void Plb()
    {
        _counts.ProviderAdjustmentSegments++;
        var provider = X12Values.Text(_s[1]);
        var period = Date(2);
        var component = _s.Separators.Component;
        for (var i = 3; i < _s.Count; i += 2)
        {
            var reason = _s[i];
            if (reason.IsEmpty)
            {
                if (!_s[i + 1].IsEmpty) Error(i, $"PLB{i:D2}, the reason for the amount in PLB{i + 1:D2}, is missing.");
                continue;
            }
            var split = reason.IndexOf(component);
            _remittance.ProviderAdjustments.Add(new ProviderAdjustment
            {
                ProviderIdentifier = provider,
                FiscalPeriodDate = period,
                ReasonCode = _codes.Get(split < 0 ? reason : reason[..split]),
                ReferenceId = split < 0 ? "" : X12Values.Text(reason[(split + 1)..]),
                Amount = _s[i + 1].IsEmpty ? MissingAmount(i + 1) : RequiredAmount(i + 1),
            });
        }
    }
}
