namespace Toneline.Storage.Queries;

/// <summary>One topic's part in a change of share negative between two periods.</summary>
/// <param name="MixEffect">(current weight − previous weight) × previous share negative.</param>
/// <param name="WithinEffect">current weight × (current share negative − previous share negative).</param>
public sealed record TopicMixChange(string Topic, double PreviousWeight, double CurrentWeight, double? PreviousShareNegative, double? CurrentShareNegative, double MixEffect, double WithinEffect);
