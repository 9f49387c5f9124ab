using System.Runtime.InteropServices;
using SQLitePCL;

namespace Appeals.Core.Persistence;

/// <summary>
/// The few SQLite entry points called without SQLitePCLRaw (ADR 0141): the bulk writer's hot insert loop, and one
/// configuration call SQLitePCLRaw does not offer. They are taken from the very library SQLitePCLRaw's e_sqlite3 provider
/// loaded: the name is resolved through the provider's own assembly, as its DllImport resolves it, so the loader hands
/// back the library it already mapped (one SQLite per process: the statements belong to it).
/// </summary>
internal static unsafe class SqliteNative
{
    // The binds only copy a value into the statement (no I/O, no callback into .NET): called without a GC transition.
    // Step and reset run the statement (triggers, page I/O): called with one, as any P/Invoke.
    private static readonly delegate* unmanaged[SuppressGCTransition]<IntPtr, int, long, int> BindInt64Fn;
    private static readonly delegate* unmanaged[SuppressGCTransition]<IntPtr, int, double, int> BindDoubleFn;
    private static readonly delegate* unmanaged[SuppressGCTransition]<IntPtr, int, int> BindNullFn;
    private static readonly delegate* unmanaged[SuppressGCTransition]<IntPtr, int, byte*, int, IntPtr, int> BindTextFn;
    private static readonly delegate* unmanaged[SuppressGCTransition]<IntPtr, int, byte*, int, IntPtr, int> BindBlobFn;
    private static readonly delegate* unmanaged<IntPtr, int> StepFn;
    private static readonly delegate* unmanaged<IntPtr, int> ResetFn;
    // sqlite3_config is variadic; its integer arguments are passed as a fixed call passes them on x64 and on arm64 other
    // than Apple's (checked where it is called).
    private static readonly delegate* unmanaged<int, int, int, int> ConfigIntIntFn;

    static SqliteNative()
    {
        Batteries_V2.Init();
        var name = raw.GetNativeLibraryName();
        if (name != "e_sqlite3")
            throw new NotSupportedException($"Appeals calls e_sqlite3 directly (ADR 0141), but SQLitePCLRaw uses the '{name}' provider.");
        var library = NativeLibrary.Load(name, typeof(SQLite3Provider_e_sqlite3).Assembly, null);
        var version = (delegate* unmanaged<int>)NativeLibrary.GetExport(library, "sqlite3_libversion_number");
        if (version() != raw.sqlite3_libversion_number())
            throw new NotSupportedException("The SQLite library Appeals loaded is not the one SQLitePCLRaw uses (ADR 0141).");
        BindInt64Fn = (delegate* unmanaged[SuppressGCTransition]<IntPtr, int, long, int>)NativeLibrary.GetExport(library, "sqlite3_bind_int64");
        BindDoubleFn = (delegate* unmanaged[SuppressGCTransition]<IntPtr, int, double, int>)NativeLibrary.GetExport(library, "sqlite3_bind_double");
        BindNullFn = (delegate* unmanaged[SuppressGCTransition]<IntPtr, int, int>)NativeLibrary.GetExport(library, "sqlite3_bind_null");
        BindTextFn = (delegate* unmanaged[SuppressGCTransition]<IntPtr, int, byte*, int, IntPtr, int>)NativeLibrary.GetExport(library, "sqlite3_bind_text");
        BindBlobFn = (delegate* unmanaged[SuppressGCTransition]<IntPtr, int, byte*, int, IntPtr, int>)NativeLibrary.GetExport(library, "sqlite3_bind_blob");
        StepFn = (delegate* unmanaged<IntPtr, int>)NativeLibrary.GetExport(library, "sqlite3_step");
        ResetFn = (delegate* unmanaged<IntPtr, int>)NativeLibrary.GetExport(library, "sqlite3_reset");
        ConfigIntIntFn = (delegate* unmanaged<int, int, int, int>)NativeLibrary.GetExport(library, "sqlite3_config");
    }

    /// <summary>Runs the static constructor, so a wrong provider fails where the caller starts (the bulk inserter is made).</summary>
    public static void EnsureLoaded() { }

    public static int BindInt64(IntPtr s, int i, long value) => BindInt64Fn(s, i, value);
    public static int BindDouble(IntPtr s, int i, double value) => BindDoubleFn(s, i, value);
    public static int BindNull(IntPtr s, int i) => BindNullFn(s, i);
    public static int BindText(IntPtr s, int i, byte* utf8, int length, IntPtr destructor) => BindTextFn(s, i, utf8, length, destructor);
    public static int BindBlob(IntPtr s, int i, byte* bytes, int length, IntPtr destructor) => BindBlobFn(s, i, bytes, length, destructor);
    public static int Step(IntPtr s) => StepFn(s);
    public static int Reset(IntPtr s) => ResetFn(s);

    /// <summary>
    /// <c>sqlite3_config(op, a, b)</c> with two int arguments (e.g. SQLITE_CONFIG_LOOKASIDE); SQLITE_MISUSE (21) where a
    /// variadic call cannot be made as a fixed one (Apple arm64) or after SQLite was initialised.
    /// </summary>
    public static int Config(int op, int a, int b) =>
        OperatingSystem.IsMacOS() || OperatingSystem.IsIOS() ? raw.SQLITE_MISUSE : ConfigIntIntFn(op, a, b);
}
