using Toneline.Llm.Regression;

namespace Toneline.Web.Api.Contracts;

/// <summary>A regression run: accuracy, per-class precision/recall and flips, before activating the candidate.</summary>
internal sealed record RegressionResult(
    string Candidate,
    string Against,
    LabelScale Scale,
    int Conversations,
    double CandidateAccuracy,
    double ActiveAccuracy,
    IReadOnlyList<RegressionClass> PerClass,
    IReadOnlyList<RegressionFlip> Flips,
    int Fixed,
    int Broke,
    int Fallbacks,
    long PromptTokens,
    long CompletionTokens,
    decimal Cost);
