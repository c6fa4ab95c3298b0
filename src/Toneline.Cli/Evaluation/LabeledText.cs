using Toneline.Core.Conversations;

namespace Toneline.Cli.Evaluation;

/// <summary>A text with its gold label, from a sentence file or a dialogue turn.</summary>
internal sealed record LabeledText(string Text, string Label, SpeakerRole Role);
