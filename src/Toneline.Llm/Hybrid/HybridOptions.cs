namespace Toneline.Llm.Hybrid;

/// <summary>When the built-in engine counts as unsure, so that the conversation goes to the LLM.</summary>
public sealed record HybridOptions
{
    /// <summary>Mean per-turn confidence below this (in [0, 1]) is low confidence.</summary>
    public double MinConfidence { get; init; } = 0.45;

    /// <summary>A customer start-to-end swing of at least this many points is mixed signals.</summary>
    public int MixedSignalGap { get; init; } = 80;

    /// <summary>An overall score within this many points of a band boundary (-60, -20, +20, +60) is near a boundary.</summary>
    public int BoundaryMargin { get; init; } = 5;
}
