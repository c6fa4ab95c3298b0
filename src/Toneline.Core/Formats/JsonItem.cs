using System.Globalization;

namespace Toneline.Core.Formats;

/// <summary>A parsed JSON value that remembers the 1-based line it started on, so errors can name it.</summary>
internal sealed class JsonItem
{
    private static readonly IReadOnlyList<JsonItem> NoItems = [];
    private static readonly IReadOnlyList<KeyValuePair<string, JsonItem>> NoProperties = [];

    private JsonItem(JsonItemKind kind, int line)
    {
        Kind = kind;
        Line = line;
    }

    public JsonItemKind Kind { get; }

    public int Line { get; }

    /// <summary>The string value, or the raw text of a number or boolean.</summary>
    public string? Text { get; private init; }

    public double Number { get; private init; }

    public bool Boolean { get; private init; }

    public IReadOnlyList<JsonItem> Items { get; private init; } = NoItems;

    public IReadOnlyList<KeyValuePair<string, JsonItem>> Properties { get; private init; } = NoProperties;

    /// <summary>The kind as an error message names it: "a string", "a number"...</summary>
    public string Describe() => Kind switch
    {
        JsonItemKind.Object => "an object",
        JsonItemKind.Array => "an array",
        JsonItemKind.String => "a string",
        JsonItemKind.Number => "a number",
        JsonItemKind.Boolean => "a boolean",
        _ => "null",
    };

    /// <summary>The kind as the "got ..." part of an error message names it.</summary>
    public string KindName => Kind switch
    {
        JsonItemKind.Object => "object",
        JsonItemKind.Array => "array",
        JsonItemKind.String => "string",
        JsonItemKind.Number => "number",
        JsonItemKind.Boolean => "boolean",
        _ => "null",
    };

    /// <summary>The property's value; <c>null</c> when absent. The last duplicate wins, as in most JSON readers.</summary>
    public JsonItem? Get(string name)
    {
        JsonItem? found = null;
        foreach (var property in Properties)
        {
            if (string.Equals(property.Key, name, StringComparison.Ordinal))
            {
                found = property.Value;
            }
        }

        return found;
    }

    /// <summary>The property's value, treating JSON <c>null</c> as absent.</summary>
    public JsonItem? GetValue(string name) => Get(name) is { Kind: not JsonItemKind.Null } value ? value : null;

    public bool Has(string name) => Get(name) is not null;

    /// <summary>A scalar as invariant text (strings as-is, numbers as written); <c>null</c> for containers and null.</summary>
    public string? ScalarText => Kind switch
    {
        JsonItemKind.String or JsonItemKind.Number => Text,
        JsonItemKind.Boolean => Boolean ? "true" : "false",
        _ => null,
    };

    public static JsonItem CreateObject(int line, IReadOnlyList<KeyValuePair<string, JsonItem>> properties) =>
        new(JsonItemKind.Object, line) { Properties = properties };

    public static JsonItem CreateArray(int line, IReadOnlyList<JsonItem> items) =>
        new(JsonItemKind.Array, line) { Items = items };

    public static JsonItem CreateString(int line, string value) =>
        new(JsonItemKind.String, line) { Text = value };

    public static JsonItem CreateNumber(int line, string raw) =>
        new(JsonItemKind.Number, line)
        {
            Text = raw,
            Number = double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture),
        };

    public static JsonItem CreateBoolean(int line, bool value) =>
        new(JsonItemKind.Boolean, line) { Boolean = value };

    public static JsonItem CreateNull(int line) => new(JsonItemKind.Null, line);
}
