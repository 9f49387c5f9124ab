namespace Appeals.ML.Features;

/// <summary>
/// A ridge-penalised logistic regression over the groups a case belongs to (payer type × category, payer ×
/// category, payer, CARC, provider, provider × category, procedure family × category, procedure, each RARC),
/// fitted jointly by backfitting (ADR 0046). Each group's rate alone mixes its own effect with that of the groups
/// its cases share (a provider who sees hard payers looks bad); the joint fit separates them, and the ridge
/// shrinks a group seen a few times toward zero just as the m-estimates shrink rates toward their parent.
/// </summary>
internal sealed class GroupEffects
{
    private const int MinimumNewCases = 250;
    private const double RefitGrowth = 0.10;
    private const int Sweeps = 3;

    private readonly Dictionary<(StatKind Kind, string A, string B), int> _ids = [];
    private readonly List<(StatKind Kind, string A, string B)> _keys = [];
    private readonly List<int[]> _cases = [];
    private readonly List<bool> _labels = [];
    private double[] _weights = [];
    private double _intercept;
    private int _fittedCases;

    /// <summary>Slots of a case's group ids; the RARCs (zero or more) follow the fixed ones.</summary>
    private const int FixedSlots = 8;

    public void AddCase(CaseKeys keys, bool recovered)
    {
        var ids = new int[FixedSlots + keys.Rarcs.Count];
        ids[0] = Id(StatKind.PayerTypeCategory, keys.PayerType, keys.Category);
        ids[1] = Id(StatKind.PayerCategory, keys.PayerId, keys.Category);
        ids[2] = Id(StatKind.Payer, keys.PayerId, "");
        ids[3] = Id(StatKind.Carc, keys.GroupCode, keys.Carc);
        ids[4] = Id(StatKind.Provider, keys.ProviderId, "");
        ids[5] = Id(StatKind.ProviderCategory, keys.ProviderId, keys.Category);
        ids[6] = Id(StatKind.FamilyCategory, keys.Family, keys.Category);
        ids[7] = Id(StatKind.Procedure, keys.ProcedureCode, "");
        for (var r = 0; r < keys.Rarcs.Count; r++) ids[FixedSlots + r] = Id(StatKind.Rarc, keys.Rarcs[r], "");
        _cases.Add(ids);
        _labels.Add(recovered);
    }

    /// <summary>Refit when the cases grew by a tenth since the last fit (a few dozen fits over a history, not one per day).</summary>
    public bool ShouldFit(bool force) =>
        _cases.Count > _fittedCases && (force || _cases.Count - _fittedCases >= Math.Max(MinimumNewCases, RefitGrowth * _fittedCases));

    /// <summary>Fits from the previous weights (warm start); <paramref name="ridge"/> is the penalty in units of the
    /// Hessian (a case near p = ½ adds ¼), so ridge = m/4 behaves like m pseudo-cases of "no effect".</summary>
    public (double Intercept, IEnumerable<((StatKind, string, string) Key, double Effect)> Effects) Fit(double ridge)
    {
        Array.Resize(ref _weights, _keys.Count);
        var n = _cases.Count;
        var margin = new double[n];
        for (var i = 0; i < n; i++)
        {
            margin[i] = _intercept;
            foreach (var id in _cases[i]) margin[i] += _weights[id];
        }
        var gradient = new double[_keys.Count];
        var hessian = new double[_keys.Count];
        for (var sweep = 0; sweep < Sweeps; sweep++)
        {
            double g = 0, h = 1e-9;
            for (var i = 0; i < n; i++) Accumulate(margin[i], _labels[i], ref g, ref h);
            var step = -g / h;
            _intercept += step;
            for (var i = 0; i < n; i++) margin[i] += step;
            for (var slot = 0; slot <= FixedSlots; slot++) FitSlot(slot, ridge, margin, gradient, hessian);
        }
        _fittedCases = n;
        return (_intercept, _keys.Select((key, id) => (key, _weights[id])));
    }

    /// <summary>One Newton step for every group of one slot: the groups of a slot never share a case (except RARCs,
    /// where a case with two remarks counts in both), so the steps are exact for each group given the others.</summary>
    private void FitSlot(int slot, double ridge, double[] margin, double[] gradient, double[] hessian)
    {
        Array.Clear(gradient);
        Array.Clear(hessian);
        for (var i = 0; i < _cases.Count; i++)
        {
            var ids = _cases[i];
            double g = 0, h = 0;
            Accumulate(margin[i], _labels[i], ref g, ref h);
            if (slot < FixedSlots) { gradient[ids[slot]] += g; hessian[ids[slot]] += h; }
            else for (var r = FixedSlots; r < ids.Length; r++) { gradient[ids[r]] += g; hessian[ids[r]] += h; }
        }
        for (var id = 0; id < gradient.Length; id++)
        {
            if (hessian[id] == 0) { gradient[id] = 0; continue; }
            var step = -(gradient[id] + ridge * _weights[id]) / (hessian[id] + ridge);
            _weights[id] += step;
            gradient[id] = step;
        }
        for (var i = 0; i < _cases.Count; i++)
        {
            var ids = _cases[i];
            if (slot < FixedSlots) margin[i] += gradient[ids[slot]];
            else for (var r = FixedSlots; r < ids.Length; r++) margin[i] += gradient[ids[r]];
        }
    }

    private static void Accumulate(double margin, bool label, ref double g, ref double h)
    {
        var p = 1 / (1 + Math.Exp(-margin));
        g += p - (label ? 1 : 0);
        h += p * (1 - p);
    }

    private int Id(StatKind kind, string a, string b)
    {
        ref var id = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_ids, (kind, a, b), out var exists);
        if (!exists)
        {
            id = _keys.Count;
            _keys.Add((kind, a, b));
        }
        return id;
    }
}
