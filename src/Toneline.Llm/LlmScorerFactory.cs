using Microsoft.Extensions.Logging;
using Toneline.Core.Scoring;
using Toneline.Llm.Prompts;

namespace Toneline.Llm;

/// <summary>Makes an LLM scorer from options and the prompt store: what <c>toneline score --engine llm</c> calls.</summary>
public static class LlmScorerFactory
{
    /// <summary>Creates a scorer for the active prompt version (or <paramref name="promptVersion"/>).</summary>
    /// <param name="options">Endpoint, model, key, limits and prices.</param>
    /// <param name="fallback">The built-in engine, used when the model gives no valid answer.</param>
    /// <param name="promptDirectory">The prompt store's folder; <see cref="PromptStore.DefaultDirectory"/> when <c>null</c>.</param>
    /// <param name="promptVersion">A version to use instead of the active one.</param>
    /// <param name="timeProvider">Time for backoff and timeouts.</param>
    /// <param name="loggerFactory">Where retries and fallbacks are logged.</param>
    /// <exception cref="ArgumentException">The options are invalid or the version does not exist.</exception>
    public static LlmConversationScorer Create(
        LlmOptions options,
        IConversationScorer fallback,
        string? promptDirectory = null,
        int? promptVersion = null,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(fallback);
        var store = new PromptStore(promptDirectory ?? PromptStore.DefaultDirectory, timeProvider);
        var prompt = promptVersion is { } version
            ? store.Get(version) ?? throw new ArgumentException(
                $"There is no prompt version {version} in {store.Directory}; list them with 'toneline llm prompt list'.", nameof(promptVersion))
            : store.Active();
        return new LlmConversationScorer(options, prompt, fallback, timeProvider, loggerFactory?.CreateLogger<LlmConversationScorer>());
    }
}
