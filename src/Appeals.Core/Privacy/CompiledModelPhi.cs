namespace Appeals.Core.Privacy;

/// <summary>
/// The one <see cref="PhiProtector"/> whose contexts use the compiled SQLite model (ADR 0092). A compiled model is
/// built once per process and shared by every context, so its PHI converters cannot hold a context's protector; they
/// call <see cref="Protector"/> instead. The first protector to ask claims the compiled model; a context with any other
/// protector (a test's second key ring, <c>keys rotate</c>'s old ring) builds its model at run time as before, with
/// converters that hold its own protector. No context can reach another key ring's converters.
/// </summary>
internal static class CompiledModelPhi
{
    private static PhiProtector? _protector;

    /// <summary>The claiming protector; only the compiled model's converters read it, and only contexts of that protector use that model.</summary>
    public static PhiProtector Protector =>
        Volatile.Read(ref _protector) ?? throw new InvalidOperationException("No PHI protector has claimed the compiled model.");

    /// <summary>True when <paramref name="protector"/> is (now) the compiled model's protector.</summary>
    public static bool Claim(PhiProtector protector) =>
        ReferenceEquals(Interlocked.CompareExchange(ref _protector, protector, null) ?? protector, protector);
}
