namespace Appeals.Web.Paging;

/// <summary>One page of a list, and where it sits in the whole.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Number, int Size, int Total)
{
    public const int DefaultSize = 25;

    public int TotalPages => Math.Max(1, (Total + Size - 1) / Size);
    public bool HasPrevious => Number > 1;
    public bool HasNext => Number < TotalPages;
    public int FirstRow => Total == 0 ? 0 : (Number - 1) * Size + 1;
    public int LastRow => Math.Min(Total, Number * Size);

    /// <summary>A page number from the query string, kept within 1..TotalPages of <paramref name="total"/>.</summary>
    public static int Clamp(int requested, int total, int size = DefaultSize) =>
        Math.Clamp(requested, 1, Math.Max(1, (total + size - 1) / size));
}
