using System.Text.Json.Serialization;

namespace Appeals.Core.Audit;

/// <summary>
/// The checkpoint file's JSON, generated at build time with the serializer's default options, so it reads and writes exactly
/// what <c>JsonSerializer</c>'s reflection did. Every process that writes an audit row (each `appeals import` among them)
/// writes a checkpoint, and reflection-based serialization compiled about 180 methods at run time for this one small record.
/// </summary>
[JsonSerializable(typeof(AuditCheckpoint))]
internal sealed partial class AuditJsonContext : JsonSerializerContext;
