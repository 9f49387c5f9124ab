using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Spectre.Console;

namespace Appeals.Cli.Common;

/// <summary>Writes --json answers: one camelCase object, straight to the console's writer so nothing wraps or styles it.</summary>
public static class JsonOutput
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>Writes <paramref name="value"/>; with <paramref name="options"/> when a shape has its own (the model's metrics may be NaN).</summary>
    public static void Write<T>(IAnsiConsole console, T value, JsonSerializerOptions? options = null)
    {
        var writer = console.Profile.Out.Writer;
        writer.WriteLine(JsonSerializer.Serialize(value, options ?? Options));
        writer.Flush();
    }

    /// <summary>Writes <paramref name="value"/> with a shape generated at build time (<see cref="CliJsonContext"/>, ADR 0146): the same text, no reflection.</summary>
    public static void Write<T>(IAnsiConsole console, T value, JsonTypeInfo<T> shape)
    {
        var writer = console.Profile.Out.Writer;
        writer.WriteLine(JsonSerializer.Serialize(value, shape));
        writer.Flush();
    }
}
