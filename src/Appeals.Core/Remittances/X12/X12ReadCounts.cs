namespace Appeals.Core.Remittances.X12;

/// <summary>
/// Segments the reader mapped, by kind, over the whole file (accepted and refused transactions alike):
/// figures for logs and for checking the reader against independently counted facts.
/// </summary>
public sealed class X12ReadCounts
{
    public int Transactions { get; internal set; }
    public int Claims { get; internal set; }
    /// <summary>CAS segments in a claim before its first SVC.</summary>
    public int ClaimAdjustmentSegments { get; internal set; }
    /// <summary>CAS segments after an SVC.</summary>
    public int LineAdjustmentSegments { get; internal set; }
    public int ServiceLines { get; internal set; }
    public int ProviderAdjustmentSegments { get; internal set; }
    public int MiaSegments { get; internal set; }
    public int MoaSegments { get; internal set; }
    public int LqSegments { get; internal set; }

    internal void Add(X12ReadCounts other)
    {
        Transactions += other.Transactions;
        Claims += other.Claims;
        ClaimAdjustmentSegments += other.ClaimAdjustmentSegments;
        LineAdjustmentSegments += other.LineAdjustmentSegments;
        ServiceLines += other.ServiceLines;
        ProviderAdjustmentSegments += other.ProviderAdjustmentSegments;
        MiaSegments += other.MiaSegments;
        MoaSegments += other.MoaSegments;
        LqSegments += other.LqSegments;
    }
}
