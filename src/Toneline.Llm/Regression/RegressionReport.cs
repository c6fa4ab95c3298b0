using Toneline.Core.Evaluation;

namespace Toneline.Llm.Regression;

/// <summary>How a candidate method does on a labeled set, next to the active method, before activating it.</summary>
/// <param name="Scale">Three-way or five bands (see <see cref="Labels"/>).</param>
/// <param name="Rows">Every conversation, in input order.</param>
/// <param name="CandidateAccuracy">Share the candidate got right, in [0, 1].</param>
/// <param name="ActiveAccuracy">Share the active method got right, in [0, 1].</param>
/// <param name="PerClass">The candidate's precision and recall per class.</param>
/// <param name="ActivePerClass">The active method's precision and recall per class.</param>
public sealed record RegressionReport(
    LabelScale Scale,
    IReadOnlyList<RegressionRow> Rows,
    double CandidateAccuracy,
    double ActiveAccuracy,
    IReadOnlyList<ClassMetrics> PerClass,
    IReadOnlyList<ClassMetrics> ActivePerClass)
{
    /// <summary>The conversations whose class differs between the candidate and the active method.</summary>
    public IReadOnlyList<RegressionRow> Flips => [.. Rows.Where(r => r.Flipped)];
}
