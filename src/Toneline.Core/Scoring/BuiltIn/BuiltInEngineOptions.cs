namespace Toneline.Core.Scoring.BuiltIn;

/// <summary>Options of the built-in engine that change its results.</summary>
public sealed record BuiltInEngineOptions
{
    /// <summary>
    /// A text whose score is at least this far from 0 is labeled positive or negative; closer is
    /// neutral. In (0, 1); default 0.15.
    /// </summary>
    public double LabelThreshold { get; init; } = 0.15;

    /// <summary>
    /// Whether the learned layer (Data/model.bin) refines the rules; default true. Without it, or when
    /// no model is embedded, the rules alone score and <see cref="LabelThreshold"/> sets the labels.
    /// </summary>
    public bool UseLearnedModel { get; init; } = true;
}
