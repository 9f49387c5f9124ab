using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Appeals.Core.Clock;

/// <summary>
/// The app's clock set to another day (<c>Clock:AsOf</c>, the CLI's <c>--as-of</c>): it reads <see cref="AsOf"/> when it
/// is created and runs on from there at the real pace, so deadlines, aging, reminders and scores are as on that day, for
/// demos, tests and replaying a history. Elapsed-time measurement (timestamps, timers) stays real. The audit log still
/// records the real time (<see cref="RealTime"/>), with this clock's time beside it.
/// </summary>
public sealed class AsOfClock : TimeProvider
{
    private readonly TimeSpan _offset;

    public AsOfClock(DateTimeOffset asOf, TimeProvider? real = null)
    {
        Real = real ?? System;
        AsOf = asOf;
        _offset = asOf - Real.GetUtcNow();
    }

    /// <summary>The instant this clock started at.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>The clock it runs beside.</summary>
    public TimeProvider Real { get; }

    public override DateTimeOffset GetUtcNow() => Real.GetUtcNow() + _offset;

    public override TimeZoneInfo LocalTimeZone => Real.LocalTimeZone;

    public override long GetTimestamp() => Real.GetTimestamp();

    public override long TimestampFrequency => Real.TimestampFrequency;

    /// <summary>The real time behind <paramref name="clock"/>: itself unless it is set to another day.</summary>
    public static TimeProvider RealTime(TimeProvider clock) => clock is AsOfClock asOf ? asOf.Real : clock;

    /// <summary>The configuration key that sets the app's clock.</summary>
    public const string ConfigurationKey = "Clock:AsOf";

    /// <summary>
    /// The app's clock from configuration: <see cref="ConfigurationKey"/> unset, the system clock; else a clock as of that
    /// instant (ISO 8601; a date alone is midnight UTC, a time without an offset is UTC).
    /// </summary>
    public static TimeProvider FromConfiguration(IConfiguration configuration) =>
        configuration[ConfigurationKey] is { Length: > 0 } value ? new AsOfClock(Parse(value)) : System;

    /// <summary>Reads an as-of instant; a clear error naming the setting when it is not one.</summary>
    public static DateTimeOffset Parse(string value) =>
        TryParse(value, out var asOf) ? asOf
            : throw new FormatException($"{ConfigurationKey} (--as-of) must be a date or date-time such as 2026-03-01 or 2026-03-01T09:00:00Z, not '{value}'.");

    public static bool TryParse(string? value, out DateTimeOffset asOf) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out asOf);
}
