using System.Collections.Concurrent;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using SQLitePCL;

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
    public static Func<T, sqlite3_stmt, int, int>? For<T>(ModelColumn<T> column) =>
        column.Mapping.Converter is not null || column.Property.PropertyInfo is not { } property ? null : Binders<T>.Of.GetOrAdd(property, Compile<T>);

    /// <summary>
    /// One compiled binder per property per process: compiling one is JIT work (about a millisecond), and inserters are
    /// made per remittance by <see cref="DenialCaseBulkInsert"/>, where compiling every column's binder each time was a
    /// tenth of a contracts import's CPU. The binder depends only on the property, not on the connection or the model.
    /// </summary>
    private static class Binders<T>
    {
        public static readonly ConcurrentDictionary<PropertyInfo, Func<T, sqlite3_stmt, int, int>?> Of = new();
    }

    private static Func<T, sqlite3_stmt, int, int>? Compile<T>(PropertyInfo property)
    {
        var method = typeof(SqliteBinder).GetMethod(nameof(Bind), BindingFlags.NonPublic | BindingFlags.Static, [typeof(sqlite3_stmt), typeof(int), property.PropertyType]);
        if (method is null) return null;
        var entity = Expression.Parameter(typeof(T));
        var statement = Expression.Parameter(typeof(sqlite3_stmt));
        var index = Expression.Parameter(typeof(int));
        var call = Expression.Call(method, statement, index, Expression.Property(entity, property));
        return Expression.Lambda<Func<T, sqlite3_stmt, int, int>>(call, entity, statement, index).Compile();
    }

    /// <summary>The boxed path, for converted values (enums stored as strings) and anything rare.</summary>
    public static int BindObject(sqlite3_stmt s, int i, object? value) => value switch
    {
        null => raw.sqlite3_bind_null(s, i),
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

    private static int Bind(sqlite3_stmt s, int i, string? value) =>
        value is null ? raw.sqlite3_bind_null(s, i)
        // An empty span would be bound as NULL by the native call; the string overload binds "".
        : value.Length == 0 ? raw.sqlite3_bind_text(s, i, "")
        : raw.sqlite3_bind_text16(s, i, value.AsSpan());

    private static int Bind(sqlite3_stmt s, int i, long value) => raw.sqlite3_bind_int64(s, i, value);
    private static int Bind(sqlite3_stmt s, int i, long? value) => value is { } v ? Bind(s, i, v) : raw.sqlite3_bind_null(s, i);
    private static int Bind(sqlite3_stmt s, int i, int value) => raw.sqlite3_bind_int64(s, i, value);
    private static int Bind(sqlite3_stmt s, int i, int? value) => value is { } v ? Bind(s, i, v) : raw.sqlite3_bind_null(s, i);
    private static int Bind(sqlite3_stmt s, int i, bool value) => raw.sqlite3_bind_int64(s, i, value ? 1 : 0);
    private static int Bind(sqlite3_stmt s, int i, double value) => raw.sqlite3_bind_double(s, i, value);
    private static int Bind(sqlite3_stmt s, int i, double? value) => value is { } v ? Bind(s, i, v) : raw.sqlite3_bind_null(s, i);
    private static int Bind(sqlite3_stmt s, int i, byte[]? value) => value is null ? raw.sqlite3_bind_null(s, i) : raw.sqlite3_bind_blob(s, i, value);
    private static int Bind(sqlite3_stmt s, int i, decimal? value) => value is { } v ? Bind(s, i, v) : raw.sqlite3_bind_null(s, i);
    private static int Bind(sqlite3_stmt s, int i, DateOnly? value) => value is { } v ? Bind(s, i, v) : raw.sqlite3_bind_null(s, i);
    private static int Bind(sqlite3_stmt s, int i, DateTimeOffset? value) => value is { } v ? Bind(s, i, v) : raw.sqlite3_bind_null(s, i);

    private static int Bind(sqlite3_stmt s, int i, decimal value)
    {
        Span<char> text = stackalloc char[40];
        value.TryFormat(text, out var length, default, CultureInfo.InvariantCulture);
        var point = text[..length].IndexOf('.');
        if (point < 0)
        {
            text[length++] = '.';
            text[length++] = '0';
        }
        else
        {
            while (length > point + 2 && text[length - 1] == '0') length--;
        }
        return raw.sqlite3_bind_text16(s, i, text[..length]);
    }

    private static int Bind(sqlite3_stmt s, int i, DateOnly value)
    {
        Span<char> text = stackalloc char[10];
        value.TryFormat(text, out _, "yyyy'-'MM'-'dd", CultureInfo.InvariantCulture);
        return raw.sqlite3_bind_text16(s, i, text);
    }

    private static int Bind(sqlite3_stmt s, int i, DateTimeOffset value) =>
        raw.sqlite3_bind_text16(s, i, value.ToString("yyyy\\-MM\\-dd HH\\:mm\\:ss.FFFFFFFzzz", CultureInfo.InvariantCulture).AsSpan());

    private static int Bind(sqlite3_stmt s, int i, Guid value) =>
        raw.sqlite3_bind_text16(s, i, value.ToString().ToUpperInvariant().AsSpan());
}
