using Appeals.Core.Denials;
using Appeals.ML.History;

namespace Appeals.ML.Features;

/// <summary>The categorical facts of a case, normalised once: the keys its history features look up.</summary>
public sealed record CaseKeys(
    string PayerId, string PayerType, string GroupCode, string Carc, bool CarcKnown, string Category,
    string ProcedureCode, string Family, string ProviderId, string PlaceOfService, IReadOnlyList<string> Rarcs)
{
    /// <summary>Keys of a history row; a CARC the catalog does not know becomes the explicit unknown category.</summary>
    public static CaseKeys Of(HistoryRecord r, CarcCatalog catalog)
    {
        var known = catalog.TryGet(r.Carc, out var info);
        return new CaseKeys(r.PayerId, r.PayerType, r.GroupCode, r.Carc, known,
            known ? info.Category : CarcCatalog.UnknownCategory, r.ProcedureCode, ProcedureFamily.Of(r.ProcedureCode),
            r.ProviderId, r.PlaceOfService, r.Rarcs);
    }
}
