using Toneline.Core.Conversations;

namespace Toneline.Core.Scoring.BuiltIn.Training;

/// <summary>One labeled text for training the learned layer.</summary>
/// <param name="Source">The file it came from (its name only).</param>
/// <param name="Key">The id used for the fold split.</param>
/// <param name="Text">The text.</param>
/// <param name="Role">Who said it.</param>
/// <param name="Label">The gold label.</param>
/// <param name="Binary">Whether the source has only negative and positive labels.</param>
internal sealed record TrainingExample(string Source, string Key, string Text, SpeakerRole Role, SentimentLabel Label, bool Binary);
