using System.Security.Cryptography;
using System.Text;
using Toneline.Core.Conversations;
using Toneline.Core.Scoring;

namespace Toneline.Llm.Hybrid;

/// <summary>Scores everything with the built-in engine and asks the LLM only about the conversations it is unsure of.</summary>
/// <remarks>
/// Each score keeps the method that produced it, so a hybrid run stores built-in and LLM methods
/// side by side; <see cref="Method"/> names the combination for reports.
/// </remarks>
public sealed class HybridConversationScorer : IConversationScorer
{
    private readonly IConversationScorer _builtIn;
    private readonly LlmConversationScorer _llm;
    private readonly HybridOptions _options;
    private long _conversations;
    private long _sentToLlm;

    /// <summary>Creates a hybrid of a built-in scorer and an LLM scorer.</summary>
    public HybridConversationScorer(IConversationScorer builtIn, LlmConversationScorer llm, HybridOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builtIn);
        ArgumentNullException.ThrowIfNull(llm);
        _builtIn = builtIn;
        _llm = llm;
        _options = options ?? new HybridOptions();
        var material = $"{builtIn.Method}\n{llm.Method}\n{_options}";
        Method = new ScoringMethod("hybrid", $"{builtIn.Method.Engine}@{builtIn.Method.Version}+{llm.Method.Version}",
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(material)))[..12]);
    }

    /// <inheritdoc/>
    public ScoringMethod Method { get; }

    /// <summary>Conversations scored so far.</summary>
    public long Conversations => Interlocked.Read(ref _conversations);

    /// <summary>Conversations sent to the LLM so far.</summary>
    public long SentToLlm => Interlocked.Read(ref _sentToLlm);

    /// <summary>Tokens, cost, cache hits and fallbacks of the LLM part.</summary>
    public LlmRunTotals LlmTotals => _llm.Totals;

    /// <inheritdoc/>
    public async ValueTask<ConversationScore> ScoreAsync(Conversation conversation, CancellationToken cancellationToken = default) =>
        (await ScoreDetailedAsync(conversation, cancellationToken).ConfigureAwait(false)).Score;

    /// <summary>Scores one conversation and says whether, and why, the LLM was asked.</summary>
    public async ValueTask<HybridScoreResult> ScoreDetailedAsync(Conversation conversation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        Interlocked.Increment(ref _conversations);
        var builtIn = await _builtIn.ScoreAsync(conversation, cancellationToken).ConfigureAwait(false);
        var uncertainty = UncertaintyRule.Assess(builtIn, _options);
        if (uncertainty == Uncertainty.None)
        {
            return new HybridScoreResult(builtIn, builtIn, uncertainty, null);
        }

        Interlocked.Increment(ref _sentToLlm);
        var llm = await _llm.ScoreDetailedAsync(conversation, cancellationToken).ConfigureAwait(false);
        return new HybridScoreResult(llm.UsedLlm ? llm.Score : builtIn, builtIn, uncertainty, llm);
    }
}
