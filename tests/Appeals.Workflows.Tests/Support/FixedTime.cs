namespace Appeals.Workflows.Tests.Support;

/// <summary>A clock the test sets.</summary>
public sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public static FixedTime At(int year, int month, int day) => new(new DateTimeOffset(year, month, day, 9, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => Now;
}
