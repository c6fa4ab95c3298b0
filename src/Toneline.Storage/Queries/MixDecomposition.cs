namespace Toneline.Storage.Queries;

/// <summary>
/// A change of share negative split into topic mix (more calls about bad topics) and within-topic
/// change (topics themselves got worse); <see cref="MixEffect"/> + <see cref="WithinEffect"/> = <see cref="Change"/>.
/// </summary>
/// <remarks>Each conversation counts under its first topic (or "(none)").</remarks>
public sealed record MixDecomposition(DateOnly PreviousFrom, DateOnly PreviousTo, double? PreviousShareNegative, double? CurrentShareNegative, double Change, double MixEffect, double WithinEffect, IReadOnlyList<TopicMixChange> Topics);
