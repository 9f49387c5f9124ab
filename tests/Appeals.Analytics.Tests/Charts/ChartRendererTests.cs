using Appeals.Analytics.Charts;

namespace Appeals.Analytics.Tests.Charts;

public sealed class ChartRendererTests : IDisposable
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    public static TheoryData<ChartKind> Kinds => [.. Enum.GetValues<ChartKind>()];

    private async Task<ChartData> LoadAsync(ChartKind kind)
    {
        await using var db = _database.Open();
        return await new ChartQueries(db, new FixedTime(Ledger.Today)).LoadAsync(kind, AnalyticsFilter.None, TestContext.Current.CancellationToken);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Render_LedgerData_GivesA800By500PngAndAnSvgWithItsTitle(ChartKind kind)
    {
        Ledger.Fill(_database);
        var chart = await LoadAsync(kind);

        var png = ChartRenderer.Png(chart);
        var svg = ChartRenderer.Svg(chart);

        Assert.False(chart.IsEmpty);
        Assert.Equal(PngSignature, png[..8]);
        Assert.True(png.Length > 5_000, $"{png.Length} bytes is too small for a drawn chart");
        // IHDR: width and height, big-endian, at bytes 16..23.
        Assert.Equal(800, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(500, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
        Assert.Contains("<svg", svg);
        Assert.Contains(System.Security.SecurityElement.Escape(chart.Title), svg);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Svg_HasNoInlineStyles_ThatTheSiteCspWouldBlock(ChartKind kind)
    {
        Ledger.Fill(_database);
        var svg = ChartRenderer.Svg(await LoadAsync(kind));

        Assert.DoesNotContain("<style", svg);
        Assert.DoesNotContain(" style=", svg);
    }

    [Fact]
    public async Task HeatmapSvg_DrawsItsCellsSharp_NotSmoothedByTheBrowser()
    {
        Ledger.Fill(_database);
        var svg = ChartRenderer.Svg(await LoadAsync(ChartKind.Heatmap));

        var image = System.Text.RegularExpressions.Regex.Match(svg, "<image [^>]*>").Value;
        Assert.Contains("image-rendering=\"pixelated\"", image);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Render_EmptyDatabase_DrawsTheNoDataChart(ChartKind kind)
    {
        var chart = await LoadAsync(kind);

        var png = ChartRenderer.Png(chart);
        var svg = ChartRenderer.Svg(chart);

        Assert.True(chart.IsEmpty);
        Assert.Equal(PngSignature, png[..8]);
        Assert.Contains(System.Security.SecurityElement.Escape(chart.EmptyMessage), svg);
        Assert.Contains(System.Security.SecurityElement.Escape(chart.Title), svg);
        // Aging keeps its five buckets (all zero); every other table is empty.
        Assert.Equal(kind == ChartKind.Aging ? 5 : 0, chart.ToTable().Rows.Count);
    }

    [Fact]
    public async Task Pareto_Ledger_OrdersByDollarsWithCumulativeShare()
    {
        Ledger.Fill(_database);

        var pareto = (ParetoChart)await LoadAsync(ChartKind.Pareto);

        Assert.Equal(["authorization_referral", "medical_necessity", "coding_bundling_modifier"], pareto.Rows.Select(r => r.Category));
        Assert.Equal([500m, 500m, 250.50m], pareto.Rows.Select(r => r.Denied));
        Assert.Equal(1000 / 1250.5, pareto.Cumulative()[1], 10);
        Assert.Equal(1.0, pareto.Cumulative()[^1], 10);
    }

    [Fact]
    public async Task Trend_Ledger_ShowsMonthsWithoutDenialsAsZero()
    {
        Ledger.Fill(_database);

        var table = (await LoadAsync(ChartKind.Trend)).ToTable();

        Assert.Equal(["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"], table.Rows.Select(r => (string)r[0]!));
        Assert.Equal([900m, 0m, 100m, 0m, 0m, 250.50m], table.Rows.Select(r => (decimal)r[^1]!));
    }

    [Fact]
    public async Task TopCarcs_And_Overturn_Ledger_EqualHandComputedRows()
    {
        Ledger.Fill(_database);

        var carcs = (TopCarcsChart)await LoadAsync(ChartKind.TopCarcs);
        var overturn = (OverturnChart)await LoadAsync(ChartKind.Overturn);

        Assert.Equal([("197", 2, 500m), ("50", 1, 500m), ("4", 1, 250.50m)], carcs.Rows.Select(r => (r.Carc, r.Cases, r.Denied)));
        Assert.Equal([("medical_necessity", 1.0), ("authorization_referral", 0.0)], overturn.Rows.Select(r => (r.Category, r.Rate.Value!.Value)));
    }

    [Fact]
    public void ChartNames_EveryKind_HasANameThatParsesBack()
    {
        foreach (var kind in Enum.GetValues<ChartKind>())
        {
            Assert.True(ChartNames.TryParse(ChartNames.Of(kind), out var parsed));
            Assert.Equal(kind, parsed);
        }
        Assert.False(ChartNames.TryParse("pie", out _));
    }
}
