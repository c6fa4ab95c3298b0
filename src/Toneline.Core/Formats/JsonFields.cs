using Toneline.Core.Conversations;

namespace Toneline.Core.Formats;

/// <summary>Typed access to JSON fields that reports <c>path: expected X, got Y</c> at the value's line.</summary>
internal sealed class JsonFields(string source)
{
    public ReadErrorException Error(JsonItem at, string path, string message) => new(new ReadError(source, at.Line, path, message));

    public JsonItem RequireObject(JsonItem item, string path) =>
        item.Kind == JsonItemKind.Object ? item : throw Expected(item, path, "an object");

    public JsonItem RequireArray(JsonItem parent, string name, string path)
    {
        var value = parent.Get(name) ?? throw Error(parent, path, "missing; expected an array");
        return value.Kind == JsonItemKind.Array ? value : throw Expected(value, path, "an array");
    }

    public string RequireString(JsonItem parent, string name, string path)
    {
        var value = parent.Get(name) ?? throw Error(parent, path, "missing; expected a string");
        return value.Kind == JsonItemKind.String ? value.Text! : throw Expected(value, path, "a string");
    }

    /// <summary>A string, or a number kept as written when <paramref name="allowNumber"/> (ids are often numeric).</summary>
    public string? OptionalString(JsonItem parent, string name, string path, bool allowNumber = false)
    {
        var value = parent.GetValue(name);
        return value switch
        {
            null => null,
            { Kind: JsonItemKind.String } => value.Text,
            { Kind: JsonItemKind.Number } when allowNumber => value.Text,
            _ => throw Expected(value, path, allowNumber ? "a string or number" : "a string"),
        };
    }

    public double? OptionalNumber(JsonItem parent, string name, string path)
    {
        var value = parent.GetValue(name);
        return value switch
        {
            null => null,
            { Kind: JsonItemKind.Number } => value.Number,
            _ => throw Expected(value, path, "a number"),
        };
    }

    /// <summary>Seconds as a number, or a clock stamp string such as <c>00:01:23.5</c>.</summary>
    public double? OptionalSeconds(JsonItem parent, string name, string path)
    {
        var value = parent.GetValue(name);
        switch (value)
        {
            case null:
                return null;
            case { Kind: JsonItemKind.Number }:
                return value.Number;
            case { Kind: JsonItemKind.String } when TimeValues.TryParseSeconds(value.Text!, out var seconds):
                return seconds;
            default:
                throw Expected(value, path, "seconds as a number or a stamp such as \"00:01:23.5\"");
        }
    }

    public int? OptionalInt(JsonItem parent, string name, string path)
    {
        var value = parent.GetValue(name);
        return value switch
        {
            null => null,
            { Kind: JsonItemKind.Number } when value.Number == Math.Floor(value.Number) && Math.Abs(value.Number) < int.MaxValue => (int)value.Number,
            _ => throw Expected(value, path, "a whole number"),
        };
    }

    public Channel? OptionalChannel(JsonItem parent, string name, string path)
    {
        var text = OptionalString(parent, name, path);
        return text is null
            ? null
            : MetadataValues.ParseChannel(text) ?? throw Error(parent.Get(name)!, path, $"expected one of call, chat, email, survey, social, got '{text}'");
    }

    public ReadErrorException Expected(JsonItem value, string path, string expected) =>
        Error(value, path, $"expected {expected}, got {value.KindName}");
}
