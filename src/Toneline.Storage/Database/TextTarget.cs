namespace Toneline.Storage.Database;

/// <summary>Where full-text words are looked for.</summary>
public enum TextTarget
{
    /// <summary>The transcript or the explanation.</summary>
    Any,

    /// <summary>The transcript only.</summary>
    Transcript,

    /// <summary>The current score's explanation only.</summary>
    Explanation,
}
