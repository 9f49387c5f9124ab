namespace Appeals.ML.Features;

/// <summary>Feature vectors of many cases, row-major in one array (no per-row allocation on the scoring path).</summary>
public sealed class FeatureMatrix(int rows, int width)
{
    public int Rows { get; } = rows;
    public int Width { get; } = width;
    public float[] Values { get; } = new float[rows * width];
    public Span<float> Row(int row) => Values.AsSpan(row * Width, Width);
}

/// <summary>Copies of row ranges, for the time splits.</summary>
public static class FeatureMatrixExtensions
{
    public static FeatureMatrix Slice(this FeatureMatrix m, int start, int count)
    {
        var slice = new FeatureMatrix(count, m.Width);
        m.Values.AsSpan(start * m.Width, count * m.Width).CopyTo(slice.Values);
        return slice;
    }
}
