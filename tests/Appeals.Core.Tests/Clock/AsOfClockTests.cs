using Appeals.Core.Clock;
using Microsoft.Extensions.Configuration;

namespace Appeals.Core.Tests.Clock;

public sealed class AsOfClockTests
{
    private static IConfiguration Configuration(string? asOf) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [AsOfClock.ConfigurationKey] = asOf }).Build();

    [Fact]
    public void FromConfiguration_Unset_IsTheSystemClock()
    {
        Assert.Same(TimeProvider.System, AsOfClock.FromConfiguration(Configuration(null)));
        Assert.Same(TimeProvider.System, AsOfClock.FromConfiguration(Configuration("")));
    }

    [Fact]
    public void FromConfiguration_ADate_StartsAtMidnightUtcOfThatDayAndRunsOn()
    {
        var clock = AsOfClock.FromConfiguration(Configuration("2026-03-01"));

        var now = clock.GetUtcNow();
        Assert.InRange(now, new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 1, 0, 1, 0, TimeSpan.Zero));
        Assert.Equal(TimeSpan.Zero, now.Offset);
        Assert.True(clock.GetUtcNow() >= now);
    }

    [Fact]
    public void AsOf_ATimeWithAnOffset_IsThatInstant()
    {
        var clock = new AsOfClock(AsOfClock.Parse("2026-03-01T09:00:00-05:00"));

        Assert.Equal(new DateTimeOffset(2026, 3, 1, 14, 0, 0, TimeSpan.Zero), clock.AsOf);
    }

    [Fact]
    public void Parse_NotADate_NamesTheSetting()
    {
        var error = Assert.Throws<FormatException>(() => AsOfClock.Parse("last tuesday"));

        Assert.Contains("Clock:AsOf", error.Message);
        Assert.Contains("last tuesday", error.Message);
    }

    [Fact]
    public void RealTime_IsTheClockBehindAnAsOfClock_AndAnyOtherClockItself()
    {
        var asOf = new AsOfClock(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Same(TimeProvider.System, AsOfClock.RealTime(asOf));
        Assert.Same(asOf.Real, AsOfClock.RealTime(asOf));
        Assert.Same(TimeProvider.System, AsOfClock.RealTime(TimeProvider.System));
        Assert.InRange(AsOfClock.RealTime(asOf).GetUtcNow(), DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
    }
}
