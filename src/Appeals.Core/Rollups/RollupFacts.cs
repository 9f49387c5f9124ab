using Appeals.Core.Persistence;

namespace Appeals.Core.Rollups;

/// <summary>
/// Per-row SELECTs shaped like each rollup (one row per source row, before summing). Queries map
/// them onto the rollup entity with FromSqlRaw when a filter is finer than the rollup (a rendering
/// provider), and tests group them to check that the triggers kept each rollup exact.
/// </summary>
public static class RollupFacts
{
    /// <summary>Every denial case as a <see cref="DenialDayRollup"/> row; with <paramref name="byProvider"/>, only those of provider <c>{0}</c>.</summary>
    public static string DenialDays(DatabaseProvider provider, bool byProvider = false) =>
        RollupTable.DenialDays.Facts(Dialect(provider), byProvider ? ProviderCondition(provider) : null);

    /// <summary>Every denial case as a <see cref="DenialReasonDayRollup"/> row; see <see cref="DenialDays"/>.</summary>
    public static string DenialReasonDays(DatabaseProvider provider, bool byProvider = false) =>
        RollupTable.DenialReasonDays.Facts(Dialect(provider), byProvider ? ProviderCondition(provider) : null);

    /// <summary>Every adjudicated claim as a <see cref="ClaimRemittanceRollup"/> row; see <see cref="DenialDays"/>.</summary>
    public static string ClaimRemittances(DatabaseProvider provider, bool byProvider = false) =>
        RollupTable.ClaimRemittances.Facts(Dialect(provider), byProvider ? ProviderCondition(provider) : null);

    private static string ProviderCondition(DatabaseProvider provider) =>
        $"r.{Dialect(provider).Quote("RenderingProviderId")} = {{0}}";

    private static RollupDialect Dialect(DatabaseProvider provider) => RollupDialect.For(provider);
}
