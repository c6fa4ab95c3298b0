using Toneline.Core.Scoring;

namespace Toneline.Core.Conversations;

/// <summary>A phrase to highlight in the transcript.</summary>
/// <param name="TurnIndex">Zero-based index of the turn that holds the phrase.</param>
/// <param name="Start">UTF-16 offset of the phrase in the turn's text.</param>
/// <param name="Length">Length of the phrase in UTF-16 characters.</param>
/// <param name="Text">The phrase as it appears in the transcript.</param>
/// <param name="Weight">Signed contribution; negative phrases are shown red, positive green.</param>
/// <param name="Kind">What kind of cue it is.</param>
/// <param name="Emotion">The emotion it signals, if any.</param>
public sealed record Highlight(int TurnIndex, int Start, int Length, string Text, double Weight, EvidenceKind Kind, Emotion? Emotion);
