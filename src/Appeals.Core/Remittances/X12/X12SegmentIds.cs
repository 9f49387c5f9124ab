namespace Appeals.Core.Remittances.X12;

/// <summary>Segment ids packed as <see cref="X12SegmentScanner.Pack"/> does, so a segment is dispatched with an integer switch.</summary>
internal static class X12SegmentIds
{
    internal const int ISA = 'I' << 16 | 'S' << 8 | 'A';
    internal const int IEA = 'I' << 16 | 'E' << 8 | 'A';
    internal const int GS = 'G' << 16 | 'S' << 8;
    internal const int GE = 'G' << 16 | 'E' << 8;
    internal const int ST = 'S' << 16 | 'T' << 8;
    internal const int SE = 'S' << 16 | 'E' << 8;
    internal const int BPR = 'B' << 16 | 'P' << 8 | 'R';
    internal const int TRN = 'T' << 16 | 'R' << 8 | 'N';
    internal const int DTM = 'D' << 16 | 'T' << 8 | 'M';
    internal const int N1 = 'N' << 16 | '1' << 8;
    internal const int REF = 'R' << 16 | 'E' << 8 | 'F';
    internal const int CLP = 'C' << 16 | 'L' << 8 | 'P';
    internal const int CAS = 'C' << 16 | 'A' << 8 | 'S';
    internal const int NM1 = 'N' << 16 | 'M' << 8 | '1';
    internal const int MIA = 'M' << 16 | 'I' << 8 | 'A';
    internal const int MOA = 'M' << 16 | 'O' << 8 | 'A';
    internal const int SVC = 'S' << 16 | 'V' << 8 | 'C';
    internal const int AMT = 'A' << 16 | 'M' << 8 | 'T';
    internal const int LQ = 'L' << 16 | 'Q' << 8;
    internal const int PLB = 'P' << 16 | 'L' << 8 | 'B';
}
