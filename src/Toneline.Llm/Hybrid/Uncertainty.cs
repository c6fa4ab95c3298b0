namespace Toneline.Llm.Hybrid;

/// <summary>Why the built-in engine's score counts as unsure; several can hold at once.</summary>
[Flags]
public enum Uncertainty
{
    /// <summary>The built-in score is trusted.</summary>
    None = 0,

    /// <summary>The turns' mean confidence is below <see cref="HybridOptions.MinConfidence"/>.</summary>
    LowConfidence = 1,

    /// <summary>The customer's start and end disagree by at least <see cref="HybridOptions.MixedSignalGap"/>.</summary>
    MixedSignals = 2,

    /// <summary>The overall score is within <see cref="HybridOptions.BoundaryMargin"/> of a band boundary.</summary>
    NearBandBoundary = 4,
}
