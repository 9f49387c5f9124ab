using System.Globalization;
using Appeals.Core.Persistence.BulkInsert;
using Appeals.Tests.Shared;
using Npgsql;

namespace Appeals.Core.Tests.PostgreSql;

/// <summary>
/// The importer encodes the big tables' rows in PostgreSQL's binary COPY format itself (ADR 0148): every value it encodes
/// must arrive as the server reads it, checked here against a real server, value by value, with the edges of each type.
/// </summary>
public sealed class PostgreSqlCopyRowsOnPostgreSqlTests : IRunsOnPostgreSql
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static readonly TheoryData<string> Decimals =
    [
        "0", "0.00", "1", "-1", "0.05", "123.45", "-123.45", "100.10", "9999", "10000", "10000.0001", "12345678.90",
        "99999999.99", "0.0001", "0.00001", "1234567890.123456789", "0.0000000000000000000000000001",
        "79228162514264337593543950335", "-79228162514264337593543950335", "7922816251426433759354395.0335",
    ];

    [Theory]
    [MemberData(nameof(Decimals))]
    public async Task Numeric_ArrivesWithItsValueAndScale(string text)
    {
        var value = decimal.Parse(text, CultureInfo.InvariantCulture);
        var stored = await RoundTripAsync("numeric", rows => rows.Write(value));

        // numeric's text shows the display scale sent: the decimal's own scale, as Npgsql sends it.
        Assert.Equal(value.ToString(CultureInfo.InvariantCulture), stored);
    }

    [Fact]
    public async Task EveryOtherType_ArrivesAsWritten()
    {
        Assert.Equal("-9223372036854775808", await RoundTripAsync("bigint", rows => rows.Write(long.MinValue)));
        Assert.Equal("9223372036854775807", await RoundTripAsync("bigint", rows => rows.Write(long.MaxValue)));
        Assert.Equal("2147483647", await RoundTripAsync("integer", rows => rows.Write(int.MaxValue)));
        Assert.Equal("-42", await RoundTripAsync("integer", rows => rows.Write(-42)));
        Assert.Equal("true", await RoundTripAsync("boolean", rows => rows.Write(true)));
        Assert.Equal("false", await RoundTripAsync("boolean", rows => rows.Write(false)));
        Assert.Equal("0.1", await RoundTripAsync("double precision", rows => rows.Write(0.1)));
        Assert.Equal("-1e+300", await RoundTripAsync("double precision", rows => rows.Write(-1e300)));
        Assert.Equal("2000-01-01", await RoundTripAsync("date", rows => rows.Write(new DateOnly(2000, 1, 1))));
        Assert.Equal("1999-12-31", await RoundTripAsync("date", rows => rows.Write(new DateOnly(1999, 12, 31))));
        Assert.Equal("2026-12-07", await RoundTripAsync("date", rows => rows.Write(new DateOnly(2026, 12, 7))));
        Assert.Equal("0001-01-01", await RoundTripAsync("date", rows => rows.Write(DateOnly.MinValue)));
        Assert.Equal("", await RoundTripAsync("character varying", rows => rows.Write("")));
        Assert.Equal("Zoë Ångström ✓ 漢字 🙂", await RoundTripAsync("character varying(50)", rows => rows.Write("Zoë Ångström ✓ 漢字 🙂")));
        Assert.Equal(new string('x', 100_000), await RoundTripAsync("text", rows => rows.Write(new string('x', 100_000))));
        Assert.Null(await RoundTripAsync("numeric", rows => rows.WriteNull()));
    }

    [Fact]
    public async Task ManyRows_SentInPieces_AllArrive()
    {
        await using var connection = await OpenAsync();
        await ExecuteAsync(connection, "CREATE TEMP TABLE t (n bigint, d numeric(18,2), s character varying(20))");
        var rows = new PostgreSqlCopyRows();
        var copy = connection.BeginRawBinaryCopy("COPY t (n, d, s) FROM STDIN (FORMAT BINARY)");
        rows.Start();
        for (var i = 0; i < 50_000; i++)
        {
            rows.StartRow(3);
            rows.Write((long)i);
            rows.Write(i / 100m);
            if (i % 7 == 0) rows.WriteNull(); else rows.Write($"row {i}");
            if (rows.Written.Length < 1 << 14) continue;
            copy.Write(rows.Written);
            rows.Clear();
        }
        rows.End();
        copy.Write(rows.Written);
        await copy.DisposeAsync();

        await using var check = new NpgsqlCommand("SELECT count(*), sum(n), sum(d), count(s), max(s) FROM t", connection);
        await using var reader = await check.ExecuteReaderAsync(Ct);
        Assert.True(await reader.ReadAsync(Ct));
        Assert.Equal((50_000L, 1_249_975_000m, 12_499_750m, 50_000L - 7143, "row 9999"),
            (reader.GetInt64(0), reader.GetDecimal(1), reader.GetDecimal(2), reader.GetInt64(3), reader.GetString(4)));
    }

    /// <summary>One value written into a one-column temporary table of <paramref name="type"/> and read back as text.</summary>
    private static async Task<string?> RoundTripAsync(string type, Action<PostgreSqlCopyRows> write)
    {
        await using var connection = await OpenAsync();
        await ExecuteAsync(connection, $"CREATE TEMP TABLE t (v {type})");
        var rows = new PostgreSqlCopyRows();
        rows.Start();
        rows.StartRow(1);
        write(rows);
        rows.End();
        await using (var copy = connection.BeginRawBinaryCopy("COPY t (v) FROM STDIN (FORMAT BINARY)"))
        {
            copy.Write(rows.Written);
        }
        await using var read = new NpgsqlCommand("SELECT v::text FROM t", connection);
        return await read.ExecuteScalarAsync(Ct) as string;
    }

    private static async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(PostgreSqlTestServer.ConnectionString);
        await connection.OpenAsync(Ct);
        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }
}
