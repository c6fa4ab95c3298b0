namespace Toneline.Core.Scoring.BuiltIn;

/// <summary>Options of the built-in engine that change its results.</summary>
public sealed record BuiltInEngineOptions
{
    /// <summary>
    /// A text whose score is at least this far from 0 is labeled positive or negative; closer is
    /// neutral. In (0, 1); default 0.15.
    /// </summary>
    public double LabelThreshold { get; init; } = 0.15;
}
