using Toneline.Core.Evaluation;
using Toneline.Core.Scoring;

namespace Toneline.Llm.Regression;

/// <summary>Scores a labeled set with a candidate and the active method and compares them with the labels.</summary>
public static class RegressionRunner
{
    /// <summary>Runs both methods on every conversation and builds the report.</summary>
    /// <param name="set">The labeled conversations.</param>
    /// <param name="candidate">The method under test (a prompt version not yet active).</param>
    /// <param name="active">The method in use now.</param>
    /// <param name="parallelism">Conversations in flight at once; LLM scorers still apply their own limit.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <exception cref="ArgumentException">A label is not a band name nor negative/neutral/positive.</exception>
    public static async Task<RegressionReport> RunAsync(
        IReadOnlyList<LabeledConversation> set,
        IConversationScorer candidate,
        IConversationScorer active,
        int parallelism = 8,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(active);
        var canonical = new string[set.Count];
        for (var i = 0; i < set.Count; i++)
        {
            canonical[i] = Labels.Normalize(set[i].Label) ?? throw new ArgumentException(
                $"Conversation '{set[i].Conversation.Id}': label '{set[i].Label}' is not one of {string.Join(", ", Labels.Bands)}.", nameof(set));
        }

        var scale = Labels.ScaleOf(canonical);
        var rows = new RegressionRow[set.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, set.Count),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var conversation = set[i].Conversation;
                var (candidateScore, note) = candidate is LlmConversationScorer llm
                    ? await ScoreWithNoteAsync(llm, conversation, ct).ConfigureAwait(false)
                    : (await candidate.ScoreAsync(conversation, ct).ConfigureAwait(false), null);
                var activeScore = await active.ScoreAsync(conversation, ct).ConfigureAwait(false);
                rows[i] = new RegressionRow(
                    conversation.Id,
                    Labels.AtScale(canonical[i], scale),
                    candidateScore.Overall.Score,
                    Labels.ClassOf(candidateScore.Overall.Score, scale),
                    activeScore.Overall.Score,
                    Labels.ClassOf(activeScore.Overall.Score, scale),
                    note);
            }).ConfigureAwait(false);

        var classes = scale == LabelScale.FiveBands ? Labels.Bands : Labels.ThreeWay;
        var candidateMatrix = new ConfusionMatrix(classes);
        var activeMatrix = new ConfusionMatrix(classes);
        foreach (var row in rows)
        {
            candidateMatrix.Add(row.Label, row.Candidate);
            activeMatrix.Add(row.Label, row.Active);
        }

        return new RegressionReport(
            scale,
            rows,
            candidateMatrix.Accuracy,
            activeMatrix.Accuracy,
            [.. classes.Select(candidateMatrix.Metrics)],
            [.. classes.Select(activeMatrix.Metrics)]);
    }

    private static async Task<(Core.Conversations.ConversationScore, string?)> ScoreWithNoteAsync(LlmConversationScorer llm, Core.Conversations.Conversation conversation, CancellationToken cancellationToken)
    {
        var result = await llm.ScoreDetailedAsync(conversation, cancellationToken).ConfigureAwait(false);
        return (result.Score, result.FallbackReason is null ? null : "fell back: " + result.FallbackReason);
    }
}
