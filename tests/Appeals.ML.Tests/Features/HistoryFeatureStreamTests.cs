using Appeals.Core.Denials;
using Appeals.ML.Features;
using Appeals.ML.History;
using Appeals.ML.Synthetic;

namespace Appeals.ML.Tests.Features;

public sealed class HistoryFeatureStreamTests
{
    private static readonly FeatureBuilder Builder = new(FeatureLayout.ForCatalog(CarcCatalog.Shipped));

    private static FeatureMatrix Learn(IReadOnlyList<HistoryRecord> rows) =>
        HistoryFeatureStream.Learn(HistoryFeatureStream.TimeOrdered(rows), Builder, CarcCatalog.Shipped, new OutcomeStats());

    [Fact]
    public void Learn_FeaturesOfARow_UseOnlyRowsRemittedStrictlyBefore()
    {
        var rows = HistoryFeatureStream.TimeOrdered(SyntheticHistory.Generate(800, 5).Rows);
        var learned = Learn(rows);
        foreach (var i in new[] { 0, 1, 250, 400, 799 })
        {
            var older = new OutcomeStats();
            var olderRows = rows.Where(r => r.RemitDate < rows[i].RemitDate).ToList();
            var past = HistoryFeatureStream.Learn(olderRows, Builder, CarcCatalog.Shipped, older);
            var expected = new float[Builder.Layout.Count];
            Builder.Build(rows[i], CaseKeys.Of(rows[i], CarcCatalog.Shipped), older, expected);
            Assert.Equal(WithoutEffects(expected), WithoutEffects(learned.Row(i).ToArray()));
        }
    }

    [Fact]
    public void Learn_ChangingOutcomesOnOrAfterADate_ChangesNoFeatureUpToThatDate()
    {
        var rows = HistoryFeatureStream.TimeOrdered(SyntheticHistory.Generate(600, 6).Rows);
        var cut = rows[300].RemitDate;
        var flipped = rows.Select(r => r.RemitDate >= cut ? r with { Recovered = !r.Recovered, RecoveredAmount = r.Recovered == true ? 0 : 1 } : r).ToList();
        var a = Learn(rows);
        var b = Learn(flipped);
        var lastSameDay = rows.FindLastIndex(r => r.RemitDate == cut);
        Assert.Equal(a.Values.AsSpan(0, (lastSameDay + 1) * a.Width).ToArray(), b.Values.AsSpan(0, (lastSameDay + 1) * b.Width).ToArray());
        Assert.NotEqual(a.Values.AsSpan((lastSameDay + 1) * a.Width).ToArray(), b.Values.AsSpan((lastSameDay + 1) * b.Width).ToArray());
    }

    [Theory]
    [InlineData(30)]
    [InlineData(90)]
    public void Learn_WithAnOutcomeLag_FeaturesOfARow_UseOnlyOutcomesKnownBeforeIt(int lagDays)
    {
        var lag = new OutcomeLag(lagDays);
        var rows = HistoryFeatureStream.TimeOrdered(SyntheticHistory.Generate(800, 5).Rows)
            .Select((r, i) => i % 5 == 0 ? r with { ResolvedDate = r.RemitDate.AddDays(i % 200) } : r).ToList();
        var learned = HistoryFeatureStream.Learn(rows, Builder, CarcCatalog.Shipped, new OutcomeStats(), lag);
        var differsFromNoLag = false;
        foreach (var i in new[] { 0, 1, 250, 400, 600, 799 })
        {
            var known = new OutcomeStats();
            HistoryFeatureStream.Learn(rows.Where(r => lag.KnownOn(r) < rows[i].RemitDate).ToList(), Builder, CarcCatalog.Shipped, known, lag);
            var expected = new float[Builder.Layout.Count];
            Builder.Build(rows[i], CaseKeys.Of(rows[i], CarcCatalog.Shipped), known, expected);
            Assert.Equal(WithoutEffects(expected), WithoutEffects(learned.Row(i).ToArray()));
            differsFromNoLag |= known.Cases < rows.Count(r => r.RemitDate < rows[i].RemitDate);
        }
        Assert.True(differsFromNoLag, "the lag should hide some outcomes that no lag would show");
    }

    [Fact]
    public void Learn_WithAnOutcomeLag_ChangingOutcomesNotYetKnown_ChangesNoFeature()
    {
        var lag = new OutcomeLag(45);
        var rows = HistoryFeatureStream.TimeOrdered(SyntheticHistory.Generate(600, 6).Rows);
        var probe = rows.Count - 1;
        var day = rows[probe].RemitDate;
        // Flip every outcome that is not known yet on the last row's day: remitted within the lag.
        var flipped = rows.Select(r => lag.KnownOn(r) >= day ? r with { Recovered = !r.Recovered, RecoveredAmount = r.Recovered == true ? 0 : 1 } : r).ToList();
        Assert.Contains(rows, r => r.RemitDate < day && lag.KnownOn(r) >= day);
        var a = HistoryFeatureStream.Learn(rows, Builder, CarcCatalog.Shipped, new OutcomeStats(), lag);
        var b = HistoryFeatureStream.Learn(flipped, Builder, CarcCatalog.Shipped, new OutcomeStats(), lag);
        Assert.Equal(a.Values, b.Values);
    }

    [Fact]
    public void OutcomeLag_ResolutionDate_WinsOverTheLag_AndIsNeverBeforeTheRemitDate()
    {
        var lag = new OutcomeLag(30);
        var remit = new DateOnly(2025, 3, 1);
        Assert.Equal(remit.AddDays(30), lag.KnownOn(TestHistory.Row(remit: remit)));
        Assert.Equal(remit.AddDays(90), lag.KnownOn(TestHistory.Row(remit: remit) with { ResolvedDate = remit.AddDays(90) }));
        Assert.Equal(remit, lag.KnownOn(TestHistory.Row(remit: remit) with { ResolvedDate = remit.AddDays(-5) }));
    }

    /// <summary>The joint group effects are refitted as history grows (not after every day), so a row reads the last fit
    /// before it rather than a fit on exactly the rows before it; the tests that change outcomes cover them.</summary>
    private static float[] WithoutEffects(float[] row)
    {
        var layout = Builder.Layout;
        return row.Select((v, c) => layout.IsEffectPart(c) || c == layout.EffectsTotal ? 0 : v).ToArray();
    }

    [Fact]
    public void GroupEffects_SeparateAProvidersOwnRecordFromThePayersItSees()
    {
        // Provider A only sees a payer that rarely pays, B only one that usually does; neither provider does anything
        // of its own. Their raw rates differ widely; their joint effects should not.
        var rows = new List<HistoryRecord>();
        var random = new Random(4);
        for (var i = 0; i < 4000; i++)
        {
            var hard = i % 2 == 0;
            var recovered = random.NextDouble() < (hard ? 0.2 : 0.8);
            var row = TestHistory.Row($"R{i}", remit: new DateOnly(2024, 1, 1).AddDays(i / 20), recovered: recovered, payer: hard ? "hard" : "easy");
            rows.Add(row with { ProviderId = hard ? "A" : "B", Rarcs = [] });
        }
        // A third provider, seen with both payers, recovers more often than either payer alone explains.
        for (var i = 0; i < 1000; i++)
        {
            var row = TestHistory.Row($"C{i}", remit: new DateOnly(2024, 1, 1).AddDays(i / 5), recovered: random.NextDouble() < (i % 2 == 0 ? 0.5 : 0.95),
                payer: i % 2 == 0 ? "hard" : "easy");
            rows.Add(row with { ProviderId = "C", Rarcs = [] });
        }
        var stats = new OutcomeStats();
        HistoryFeatureStream.Learn(HistoryFeatureStream.TimeOrdered(rows), Builder, CarcCatalog.Shipped, stats);
        double Effect(string provider) => stats.Get(StatKind.Provider, provider).Effect + stats.Get(StatKind.ProviderCategory, provider, CaseKeys.Of(rows[0], CarcCatalog.Shipped).Category).Effect;
        double Rate(string provider) => stats.Get(StatKind.Provider, provider).Rate(0.5, 0);
        Assert.True(Rate("B") - Rate("A") > 0.5, "the raw rates confound provider and payer");
        Assert.InRange(Math.Abs(Effect("B") - Effect("A")), 0, 0.5);
        Assert.True(Effect("C") > Effect("A") + 0.5 && Effect("C") > Effect("B") + 0.5, "C's own effect stands out");
    }

    [Fact]
    public void CaseKeys_UnknownCarc_IsTheExplicitUnknownCategory()
    {
        var keys = CaseKeys.Of(TestHistory.Row(carc: "Z77"), CarcCatalog.Shipped);
        Assert.Equal(CarcCatalog.UnknownCategory, keys.Category);
        Assert.False(keys.CarcKnown);
        var features = new float[Builder.Layout.Count];
        Builder.Build(TestHistory.Row(carc: "Z77"), keys, new OutcomeStats(), features);
        Assert.Equal(0, features[Builder.Layout.IndexOf("carc_known")]);
        Assert.Equal(1, features[Builder.Layout.IndexOf($"category={CarcCatalog.UnknownCategory}")]);
    }

    [Theory]
    [InlineData("99214", "evaluation_management")]
    [InlineData("27447", "surgery")]
    [InlineData("71046", "radiology")]
    [InlineData("80053", "pathology_lab")]
    [InlineData("J1745", "hcpcs_drugs")]
    [InlineData("", "unknown")]
    public void ProcedureFamily_OfCode_IsItsSection(string code, string family) => Assert.Equal(family, ProcedureFamily.Of(code));
}
