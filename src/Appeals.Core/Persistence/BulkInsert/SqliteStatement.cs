using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using SQLitePCL;

namespace Appeals.Core.Persistence.BulkInsert;

/// <summary>
/// The bulk writer's prepared INSERT, called through direct function pointers into the SQLite library that SQLitePCLRaw
/// loaded (ADR 0141). SQLitePCLRaw's calls take the statement's SafeHandle, so every bind, step and reset paid an
/// AddRef/Release pair (3.6 % of a million-claim import's samples); here the handle is added to once per batch. Text is
/// bound as UTF-8 (SQLite's own encoding; UTF-16 was converted by SQLite on every value), from a pinned per-row buffer
/// bound SQLITE_STATIC, so SQLite neither converts nor copies it. Everything else (prepare, errors, finalize) stays on
/// SQLitePCLRaw.
/// </summary>
internal sealed unsafe class SqliteStatement : IDisposable
{
    private const int ArenaBytes = 32 * 1024;
    private static readonly IntPtr Static = IntPtr.Zero; // SQLITE_STATIC: the bytes stay put until the next step
    private static readonly IntPtr Transient = new(-1); // SQLITE_TRANSIENT: SQLite copies them at once

    private readonly sqlite3_stmt _statement;
    // A row's text values, bound SQLITE_STATIC: valid from their bind until the row's step, overwritten by the next row.
    private readonly byte[] _arena = GC.AllocateUninitializedArray<byte>(ArenaBytes, pinned: true);
    private readonly byte* _arenaStart;
    private int _used;
    private IntPtr _handle;

    public SqliteStatement(sqlite3_stmt statement)
    {
        SqliteNative.EnsureLoaded();
        _statement = statement;
        _arenaStart = (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_arena));
    }

    /// <summary>Holds the statement's handle for a batch of rows: one AddRef for the batch instead of one per call.</summary>
    public Batch BeginBatch()
    {
        var added = false;
        _statement.DangerousAddRef(ref added);
        _handle = _statement.DangerousGetHandle();
        return new Batch(this);
    }

    /// <summary>Ends the batch that <see cref="BeginBatch"/> began.</summary>
    public readonly struct Batch(SqliteStatement owner) : IDisposable
    {
        public void Dispose()
        {
            owner._handle = IntPtr.Zero;
            owner._statement.DangerousRelease();
        }
    }

    /// <summary>Starts a row: the text buffer is reused (the previous row was stepped).</summary>
    public void BeginRow() => _used = 0;

    public int Step() => SqliteNative.Step(Handle);
    public int Reset() => SqliteNative.Reset(Handle);
    public int BindNull(int index) => SqliteNative.BindNull(Handle, index);
    public int BindInt64(int index, long value) => SqliteNative.BindInt64(Handle, index, value);
    public int BindDouble(int index, double value) => SqliteNative.BindDouble(Handle, index, value);

    public int BindBlob(int index, ReadOnlySpan<byte> value)
    {
        // An empty span has no address, and a null pointer binds NULL: a zero-length blob is bound from the buffer.
        if (value.IsEmpty) return SqliteNative.BindBlob(Handle, index, _arenaStart, 0, Static);
        fixed (byte* bytes = value) return SqliteNative.BindBlob(Handle, index, bytes, value.Length, Transient);
    }

    /// <summary>Binds text already encoded as UTF-8 (never NULL: an empty span binds "").</summary>
    public int BindUtf8(int index, ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length <= ArenaBytes - _used)
        {
            var start = _arenaStart + _used;
            utf8.CopyTo(new Span<byte>(start, ArenaBytes - _used));
            _used += utf8.Length;
            return SqliteNative.BindText(Handle, index, start, utf8.Length, Static);
        }
        fixed (byte* bytes = utf8) return SqliteNative.BindText(Handle, index, bytes, utf8.Length, Transient);
    }

    /// <summary>Binds text, encoded to UTF-8 as Microsoft.Data.Sqlite encodes it (never NULL: empty text binds "").</summary>
    public int BindText(int index, ReadOnlySpan<char> text)
    {
        var room = ArenaBytes - _used;
        if ((long)text.Length * 3 <= room)
        {
            var start = _arenaStart + _used;
            var length = Encoding.UTF8.GetBytes(text, new Span<byte>(start, room));
            _used += length;
            return SqliteNative.BindText(Handle, index, start, length, Static);
        }
        // Longer than the row's buffer holds: encoded into a buffer of its own, which SQLite copies.
        var bytes = Encoding.UTF8.GetBytes(text.ToArray());
        fixed (byte* utf8 = bytes) return SqliteNative.BindText(Handle, index, utf8, bytes.Length, Transient);
    }

    private IntPtr Handle => _handle != IntPtr.Zero ? _handle : throw new InvalidOperationException("Bind and step a bulk statement inside BeginBatch.");

    public void Dispose() => _statement.Dispose();
}
