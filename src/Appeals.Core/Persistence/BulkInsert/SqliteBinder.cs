using System.Collections.Concurrent;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;

namespace Appeals.Core.Persistence.BulkInsert;

/// <summary>
/// Binds one column of an entity to a native SQLite statement without boxing: a compiled delegate
/// reads the property and calls the overload for its type. Values are written exactly as
/// Microsoft.Data.Sqlite writes them (decimals "0.0###…", dates yyyy-MM-dd, instants with offset,
/// GUIDs as upper-case text); a test compares the rows with rows written by EF.
/// </summary>
internal static class SqliteBinder
{
    /// <summary>A typed binder for the column, or null when it needs the model's value converter (use the boxed path).</summary>
    public static Func<T, SqliteStatement, int, int>? For<T>(ModelColumn<T> column) =>
        column.Mapping.Converter is not null || column.Property.PropertyInfo is not { } property ? null : Binders<T>.Of.GetOrAdd(property, Compile<T>);

    /// <summary>
    /// One compiled binder per property per process: compiling one is JIT work (about a millisecond), and an inserter may be
    /// made for each batch of cases (the underpayment cases' were, before ADR 0143), where compiling every column's binder each
    /// time was a tenth of a contracts import's CPU. The binder depends only on the property, not on the connection or the model.
    /// </summary>
    private static class Binders<T>
    {
        public static readonly ConcurrentDictionary<PropertyInfo, Func<T, SqliteStatement, int, int>?> Of = new();
    }

    private static Func<T, SqliteStatement, int, int>? Compile<T>(PropertyInfo property)
    {
        var method = typeof(SqliteBinder).GetMethod(nameof(Bind), BindingFlags.NonPublic | BindingFlags.Static, [typeof(SqliteStatement), typeof(int), property.PropertyType]);
        if (method is null) return null;
        var entity = Expression.Parameter(typeof(T));
        var statement = Expression.Parameter(typeof(SqliteStatement));
        var index = Expression.Parameter(typeof(int));
        var call = Expression.Call(method, statement, index, Expression.Property(entity, property));
        return Expression.Lambda<Func<T, SqliteStatement, int, int>>(call, entity, statement, index).Compile();
    }

    /// <summary>The boxed path, for converted values (enums stored as strings) and anything rare.</summary>
    public static int BindObject(SqliteStatement s, int i, object? value) => value switch
    {
        null => s.BindNull(i),
        string text => Bind(s, i, text),
        long l => Bind(s, i, l),
        int n => Bind(s, i, n),
        bool b => Bind(s, i, b),
        decimal d => Bind(s, i, d),
        double f => Bind(s, i, f),
        DateOnly day => Bind(s, i, day),
        DateTimeOffset t => Bind(s, i, t),
        Guid g => Bind(s, i, g),
        byte[] bytes => Bind(s, i, bytes),
        _ => throw new NotSupportedException($"The SQLite bulk writer cannot bind a {value.GetType().Name}."),
    };

    private static int Bind(SqliteStatement s, int i, string? value) => value is null ? s.BindNull(i) : s.BindText(i, value);
    private static int Bind(SqliteStatement s, int i, long value) => s.BindInt64(i, value);
    private static int Bind(SqliteStatement s, int i, long? value) => value is { } v ? s.BindInt64(i, v) : s.BindNull(i);
    private static int Bind(SqliteStatement s, int i, int value) => s.BindInt64(i, value);
    private static int Bind(SqliteStatement s, int i, int? value) => value is { } v ? s.BindInt64(i, v) : s.BindNull(i);
    private static int Bind(SqliteStatement s, int i, bool value) => s.BindInt64(i, value ? 1 : 0);
    private static int Bind(SqliteStatement s, int i, double value) => s.BindDouble(i, value);
    private static int Bind(SqliteStatement s, int i, double? value) => value is { } v ? s.BindDouble(i, v) : s.BindNull(i);
    private static int Bind(SqliteStatement s, int i, byte[]? value) => value is null ? s.BindNull(i) : s.BindBlob(i, value);
    private static int Bind(SqliteStatement s, int i, decimal? value) => value is { } v ? Bind(s, i, v) : s.BindNull(i);
    private static int Bind(SqliteStatement s, int i, DateOnly? value) => value is { } v ? Bind(s, i, v) : s.BindNull(i);
    private static int Bind(SqliteStatement s, int i, DateTimeOffset? value) => value is { } v ? Bind(s, i, v) : s.BindNull(i);

    private static int Bind(SqliteStatement s, int i, decimal value)
    {
        Span<byte> text = stackalloc byte[40];
        value.TryFormat(text, out var length, default, CultureInfo.InvariantCulture);
        var point = text[..length].IndexOf((byte)'.');
        if (point < 0)
        {
            text[length++] = (byte)'.';
            text[length++] = (byte)'0';
        }
        else
        {
            while (length > point + 2 && text[length - 1] == (byte)'0') length--;
        }
        return s.BindUtf8(i, text[..length]);
    }

    private static int Bind(SqliteStatement s, int i, DateOnly value)
    {
        // yyyy-MM-dd written digit by digit: no format string to interpret for every date of every row.
        Span<byte> text = stackalloc byte[10];
        var (year, month, day) = (value.Year, value.Month, value.Day);
        text[0] = (byte)('0' + year / 1000);
        text[1] = (byte)('0' + year / 100 % 10);
        text[2] = (byte)('0' + year / 10 % 10);
        text[3] = (byte)('0' + year % 10);
        text[4] = (byte)'-';
        text[5] = (byte)('0' + month / 10);
        text[6] = (byte)('0' + month % 10);
        text[7] = (byte)'-';
        text[8] = (byte)('0' + day / 10);
        text[9] = (byte)('0' + day % 10);
        return s.BindUtf8(i, text);
    }

    private static int Bind(SqliteStatement s, int i, DateTimeOffset value)
    {
        Span<byte> text = stackalloc byte[40];
        value.TryFormat(text, out var length, "yyyy\\-MM\\-dd HH\\:mm\\:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
        return s.BindUtf8(i, text[..length]);
    }

    private static int Bind(SqliteStatement s, int i, Guid value) => s.BindText(i, value.ToString().ToUpperInvariant());
}
