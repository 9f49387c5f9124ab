using System.Text.Json;
using System.Text.Json.Serialization;
using Appeals.Cli.Cases;
using Appeals.Core.Imports;

namespace Appeals.Cli.Common;

/// <summary>
/// The --json shapes of the commands every user runs most (`import`, `cases list`), serialised by code generated at build
/// time rather than by reflection at run time (ADR 0146): System.Text.Json's reflection path builds each shape's converters
/// and property accessors on first use, which cost a fixed part of every such command's start. Same options as
/// <see cref="JsonOutput.Options"/> (web defaults: camelCase; indented; nulls written), so the output is byte for byte the same.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ImportSummary))]
[JsonSerializable(typeof(CaseList))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
