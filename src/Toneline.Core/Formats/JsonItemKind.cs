namespace Toneline.Core.Formats;

/// <summary>The kind of a parsed JSON value.</summary>
internal enum JsonItemKind
{
    Object,
    Array,
    String,
    Number,
    Boolean,
    Null,
}
