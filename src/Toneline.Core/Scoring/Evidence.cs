namespace Toneline.Core.Scoring;

/// <summary>A span of text that moved the score, with its signed weight.</summary>
/// <remarks>
/// <see cref="Start"/> and <see cref="Length"/> are UTF-16 offsets into the scored text (the turn's
/// text for turn scores). <see cref="Weight"/> is the contribution after negation, intensity and
/// contrast were applied: negative values pushed the score down.
/// </remarks>
/// <param name="Start">Offset of the first character.</param>
/// <param name="Length">Number of characters.</param>
/// <param name="Text">The span's text as it appears in the input.</param>
/// <param name="Weight">Signed contribution, roughly -4..+4 per cue.</param>
/// <param name="Kind">What kind of cue it is.</param>
/// <param name="Emotion">The emotion the cue signals, if any.</param>
/// <param name="Note">How a rule changed it ("negated", "intensified", "before 'but'"), if any.</param>
public sealed record Evidence(
    int Start,
    int Length,
    string Text,
    double Weight,
    EvidenceKind Kind,
    Emotion? Emotion = null,
    string? Note = null);
