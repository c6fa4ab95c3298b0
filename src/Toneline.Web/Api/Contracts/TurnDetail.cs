using Toneline.Core.Conversations;
using Toneline.Core.Scoring;

namespace Toneline.Web.Api.Contracts;

/// <summary>One turn with its score on -100..+100 when scored.</summary>
internal sealed record TurnDetail(int Index, SpeakerRole Role, string? Speaker, string Text, double? Start, double? End, int? Score, SentimentLabel? Label);
