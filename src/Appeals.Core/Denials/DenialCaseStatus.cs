using System.Text.Json;
using System.Text.Json.Serialization;

namespace Appeals.Core.Denials;

/// <summary>
/// Where a denial case stands, at the level managers count. An enum so that the compiler checks every use: a switch
/// expression that misses a member is a build error (CS8509, .editorconfig). Stored, shown and typed as its
/// <c>Code</c> (snake_case, e.g. "in_progress"), the strings stored before it was an enum.
/// </summary>
[JsonConverter(typeof(DenialCaseStatusJsonConverter))]
public enum DenialCaseStatus
{
    Open,
    InProgress,
    Appealed,
    Recovered,
    PartiallyRecovered,
    Upheld,
    WrittenOff,
    Closed,
}

/// <summary>The one place a <see cref="DenialCaseStatus"/> meets its stored code (the database, the rollup triggers, the CLI, JSON).</summary>
public static class DenialCaseStatusCodes
{
    extension(DenialCaseStatus status)
    {
        /// <summary>The status as stored and shown: "open", "in_progress"... These strings are data: never change one.</summary>
        public string Code => ToCode(status);

        /// <summary>The case's outcome is known: nothing more is filed or worked on it.</summary>
        public bool IsClosed => status switch
        {
            DenialCaseStatus.Open or DenialCaseStatus.InProgress or DenialCaseStatus.Appealed => false,
            DenialCaseStatus.Recovered or DenialCaseStatus.PartiallyRecovered or DenialCaseStatus.Upheld
                or DenialCaseStatus.WrittenOff or DenialCaseStatus.Closed => true,
        };
    }

    extension(DenialCaseStatus)
    {
        /// <summary>Every status, in the order a case usually passes through them.</summary>
        public static IReadOnlyList<DenialCaseStatus> All => AllStatuses;

        /// <summary>The stored code of every status, in the order of All (for messages and pickers).</summary>
        public static IReadOnlyList<string> Codes => AllCodes;

        /// <summary>The status whose <c>Code</c> is <paramref name="code"/> (exactly: codes are lower case).</summary>
        public static bool TryFromCode(string? code, out DenialCaseStatus status)
        {
            var i = code is null ? -1 : Array.IndexOf(AllCodes, code);
            status = i < 0 ? default : AllStatuses[i];
            return i >= 0;
        }

        /// <summary>The status whose code is <paramref name="code"/>; a stored value that is none is a bug, and throws.</summary>
        public static DenialCaseStatus FromCode(string code) =>
            TryFromCode(code, out var status) ? status
                : throw new FormatException($"'{code}' is not a case status (one of: {string.Join(", ", AllCodes)}).");
    }

    // A method, not only the property: EF's value converter is an expression tree, which cannot hold an extension property.
    internal static string ToCode(DenialCaseStatus status) => status switch
    {
        DenialCaseStatus.Open => "open",
        DenialCaseStatus.InProgress => "in_progress",
        DenialCaseStatus.Appealed => "appealed",
        DenialCaseStatus.Recovered => "recovered",
        DenialCaseStatus.PartiallyRecovered => "partially_recovered",
        DenialCaseStatus.Upheld => "upheld",
        DenialCaseStatus.WrittenOff => "written_off",
        DenialCaseStatus.Closed => "closed",
    };

    private static readonly DenialCaseStatus[] AllStatuses = Enum.GetValues<DenialCaseStatus>();
    private static readonly string[] AllCodes = [.. AllStatuses.Select(s => s.Code)];
}

/// <summary>Writes and reads a status as its code in JSON (the CLI's --json, exports), never as a number or a member name.</summary>
public sealed class DenialCaseStatusJsonConverter : JsonConverter<DenialCaseStatus>
{
    public override DenialCaseStatus Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DenialCaseStatus.TryFromCode(reader.GetString(), out var status) ? status
            : throw new JsonException($"'{reader.GetString()}' is not a case status.");

    public override void Write(Utf8JsonWriter writer, DenialCaseStatus value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Code);
}
