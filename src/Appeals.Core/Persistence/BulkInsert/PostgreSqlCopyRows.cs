using System.Buffers.Binary;
using System.Text;

namespace Appeals.Core.Persistence.BulkInsert;

/// <summary>
/// Rows in PostgreSQL's binary COPY format, encoded by the importer itself and sent through a raw binary COPY (ADR 0148):
/// through <c>NpgsqlBinaryImporter.Write</c> each value went through a parameter's type binding, size computation and an
/// async write (~13-16 % of a PostgreSQL import's importer CPU, ~9 million values per 100,000 claims). Only the types of
/// the import's big tables are encoded here; a table with any other column type keeps Npgsql's writer.
/// Format (PostgreSQL manual, "COPY", binary format): a header, then per row a 16-bit field count and per field a 32-bit
/// length (-1 for NULL) and the value in the type's binary send format, then a 16-bit -1; every integer big-endian.
/// </summary>
internal sealed class PostgreSqlCopyRows
{
    private static readonly byte[] Header = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0, 0, 0, 0, 0, 0, 0, 0, 0];
    private static readonly int PostgresEpochDay = new DateOnly(2000, 1, 1).DayNumber;

    private byte[] _buffer = new byte[1 << 16];
    private int _length;

    /// <summary>The encoded bytes so far.</summary>
    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    public void Start()
    {
        _length = 0;
        Put(Header);
    }

    public void Clear() => _length = 0;

    public void StartRow(int fields) => BinaryPrimitives.WriteInt16BigEndian(Take(2), checked((short)fields));

    public void End() => BinaryPrimitives.WriteInt16BigEndian(Take(2), -1);

    public void WriteNull() => BinaryPrimitives.WriteInt32BigEndian(Take(4), -1);

    public void Write(long value)
    {
        var span = Take(12);
        BinaryPrimitives.WriteInt32BigEndian(span, 8);
        BinaryPrimitives.WriteInt64BigEndian(span[4..], value);
    }

    public void Write(int value)
    {
        var span = Take(8);
        BinaryPrimitives.WriteInt32BigEndian(span, 4);
        BinaryPrimitives.WriteInt32BigEndian(span[4..], value);
    }

    public void Write(bool value)
    {
        var span = Take(5);
        BinaryPrimitives.WriteInt32BigEndian(span, 1);
        span[4] = value ? (byte)1 : (byte)0;
    }

    public void Write(double value)
    {
        var span = Take(12);
        BinaryPrimitives.WriteInt32BigEndian(span, 8);
        BinaryPrimitives.WriteDoubleBigEndian(span[4..], value);
    }

    /// <summary><c>date</c>: days since 2000-01-01.</summary>
    public void Write(DateOnly value) => Write(value.DayNumber - PostgresEpochDay);

    public void Write(string value)
    {
        var most = Encoding.UTF8.GetMaxByteCount(value.Length);
        var span = Take(4 + most);
        var bytes = Encoding.UTF8.GetBytes(value, span[4..]);
        BinaryPrimitives.WriteInt32BigEndian(span, bytes);
        _length -= most - bytes;
    }

    /// <summary>
    /// <c>numeric</c>: digit count, weight (of the first base-10000 digit), sign, display scale, then the base-10000 digits,
    /// each a 16-bit integer. The decimal's scale is the display scale; the column's own scale is applied by the server on
    /// receipt, as for any value sent in binary.
    /// </summary>
    public void Write(decimal value)
    {
        Span<int> parts = stackalloc int[4];
        decimal.GetBits(value, parts);
        var scale = (parts[3] >> 16) & 0xFF;
        var negative = parts[3] < 0;
        var mantissa = ((UInt128)(uint)parts[2] << 64) | ((UInt128)(uint)parts[1] << 32) | (uint)parts[0];
        // Pad the fraction to whole base-10000 digits.
        var pad = (4 - scale % 4) % 4;
        for (var i = 0; i < pad; i++) mantissa *= 10;
        var fractionDigits = (scale + pad) / 4;
        Span<short> digits = stackalloc short[12]; // least significant first; 2^96 * 1000 < 10000^9
        var count = 0;
        while (mantissa != 0)
        {
            digits[count++] = (short)(ushort)(mantissa % 10000);
            mantissa /= 10000;
        }
        var low = 0; // trailing zero digits need not be sent
        while (low < count && digits[low] == 0) low++;
        var sent = count - low;
        var weight = sent == 0 ? 0 : count - fractionDigits - 1;
        var span = Take(4 + 8 + 2 * sent);
        BinaryPrimitives.WriteInt32BigEndian(span, 8 + 2 * sent);
        BinaryPrimitives.WriteInt16BigEndian(span[4..], (short)sent);
        BinaryPrimitives.WriteInt16BigEndian(span[6..], (short)weight);
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], negative && sent > 0 ? (ushort)0x4000 : (ushort)0);
        BinaryPrimitives.WriteInt16BigEndian(span[10..], (short)scale);
        for (var i = 0; i < sent; i++) BinaryPrimitives.WriteInt16BigEndian(span[(12 + 2 * i)..], digits[count - 1 - i]);
    }

    /// <summary>The CLR type this writer encodes for a column of <paramref name="storeType"/> (without its length), or null.</summary>
    public static Type? ClrTypeFor(string storeType) => storeType switch
    {
        "bigint" => typeof(long),
        "integer" => typeof(int),
        "boolean" => typeof(bool),
        "double precision" => typeof(double),
        "date" => typeof(DateOnly),
        "numeric" => typeof(decimal),
        "character varying" or "text" => typeof(string),
        _ => null,
    };

    private void Put(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Take(bytes.Length));

    private Span<byte> Take(int count)
    {
        if (_length + count > _buffer.Length) Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + count));
        var span = _buffer.AsSpan(_length, count);
        _length += count;
        return span;
    }
}
