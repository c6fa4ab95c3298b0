using Toneline.Core.Conversations;

namespace Toneline.Llm.Regression;

/// <summary>One line of a labeled set: an id, a human label, and the turns when the line carries them.</summary>
/// <param name="LineNumber">1-based line in the input.</param>
/// <param name="Id">The conversation id.</param>
/// <param name="Label">The label as written (a band name or negative/neutral/positive).</param>
/// <param name="Turns">The turns, or <c>null</c> when the line only labels a conversation stored elsewhere.</param>
public sealed record LabeledLine(int LineNumber, string Id, string Label, IReadOnlyList<Turn>? Turns);
