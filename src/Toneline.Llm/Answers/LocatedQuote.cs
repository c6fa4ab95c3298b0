namespace Toneline.Llm.Answers;

/// <summary>Where a quote was found: turn and UTF-16 span of the turn's text.</summary>
internal readonly record struct LocatedQuote(int TurnIndex, int Start, int Length);
