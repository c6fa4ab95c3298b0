using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenAI.Chat;
using Toneline.Core.Conversations;
using Toneline.Core.Scoring;
using Toneline.Llm.Answers;
using Toneline.Llm.Caching;
using Toneline.Llm.Prompts;
using Toneline.Llm.Transcripts;

namespace Toneline.Llm;

/// <summary>Scores conversations with a model behind any OpenAI-compatible chat-completions endpoint.</summary>
/// <remarks>
/// Each conversation is sent once per prompt version and model (answers are cached). An unparsable or
/// out-of-range answer is asked for again up to <see cref="LlmOptions.MaxAnswerAttempts"/> times; when
/// no valid answer comes (or the server keeps failing) the fallback engine scores the conversation and
/// the reason is recorded on the <see cref="LlmScoreResult"/>. Quotes not found in the transcript are
/// dropped and listed. Scores from the model carry one trend point and no per-turn scores.
/// </remarks>
public sealed class LlmConversationScorer : IConversationScorer, IDisposable
{
    /// <summary>The engine name stamped on LLM scores.</summary>
    public const string EngineName = "llm";

    private readonly IConversationScorer _fallback;
    private readonly LlmChat _chat;
    private readonly SemaphoreSlim _gate;
    private readonly AnswerCache _cache;
    private readonly ILogger _logger;

    /// <summary>Creates a scorer for one prompt version.</summary>
    /// <param name="options">Where the model is and what it costs.</param>
    /// <param name="prompt">The prompt version to score with.</param>
    /// <param name="fallback">The engine that scores when the model gives no valid answer (the built-in one).</param>
    /// <param name="timeProvider">Time for backoff and timeouts; the system clock when <c>null</c>.</param>
    /// <param name="logger">Where retries, rejections and fallbacks are logged.</param>
    public LlmConversationScorer(
        LlmOptions options,
        PromptVersion prompt,
        IConversationScorer fallback,
        TimeProvider? timeProvider = null,
        ILogger<LlmConversationScorer>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(fallback);
        options.Validate();
        Options = options;
        Prompt = prompt;
        _fallback = fallback;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _chat = new LlmChat(options, timeProvider ?? TimeProvider.System, _logger);
        _gate = new SemaphoreSlim(options.MaxConcurrency, options.MaxConcurrency);
        _cache = new AnswerCache(options.CacheDirectory);
        Method = PromptBuilder.Method(prompt, options);
    }

    /// <inheritdoc/>
    public ScoringMethod Method { get; }

    /// <summary>The options this scorer was made with.</summary>
    public LlmOptions Options { get; }

    /// <summary>The prompt version this scorer sends.</summary>
    public PromptVersion Prompt { get; }

    /// <summary>Totals over every conversation this scorer has scored.</summary>
    public LlmRunTotals Totals { get; } = new();

    /// <inheritdoc/>
    public async ValueTask<ConversationScore> ScoreAsync(Conversation conversation, CancellationToken cancellationToken = default) =>
        (await ScoreDetailedAsync(conversation, cancellationToken).ConfigureAwait(false)).Score;

    /// <summary>Scores one conversation and says how: tokens, cost, retries, dropped quotes, fallback.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="conversation"/> is null.</exception>
    /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
    public async ValueTask<LlmScoreResult> ScoreDetailedAsync(Conversation conversation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var result = await ScoreCoreAsync(conversation, cancellationToken).ConfigureAwait(false);
        Totals.Add(result);
        return result;
    }

    /// <inheritdoc/>
    public void Dispose() => _gate.Dispose();

    private async ValueTask<LlmScoreResult> ScoreCoreAsync(Conversation conversation, CancellationToken cancellationToken)
    {
        if (conversation.Turns.Count == 0)
        {
            return await FallBackAsync(conversation, "the conversation has no turns", new Attempts(), null, cancellationToken).ConfigureAwait(false);
        }

        var key = AnswerCache.KeyOf(conversation, Method);
        var window = TranscriptWindow.Build(conversation, Options.MaxTranscriptTokens);
        if (_cache.TryGet(key, out var cached))
        {
            return Build(conversation, cached, window.Truncation, new Attempts(), fromCache: true);
        }

        if (window.Truncation is { } truncation)
        {
            LlmLog.Truncated(_logger, conversation.Id, truncation.ToString());
        }

        var attempts = new Attempts();
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var messages = new List<ChatMessage> { new SystemChatMessage(Prompt.Text), new UserChatMessage(window.Text) };
            for (var attempt = 1; attempt <= Options.MaxAnswerAttempts; attempt++)
            {
                attempts.Answers = attempt;
                ChatCompletion completion;
                try
                {
                    completion = await _chat.CompleteAsync(conversation.Id, messages, attempts.Requests, cancellationToken).ConfigureAwait(false);
                }
                catch (LlmRequestFailedException ex)
                {
                    return await FallBackAsync(conversation, ex.Message, attempts, window.Truncation, cancellationToken).ConfigureAwait(false);
                }

                if (completion.Usage is { } usage)
                {
                    attempts.Usage += new TokenUsage(usage.InputTokenCount, usage.OutputTokenCount);
                }

                var content = completion.Content.Count > 0 ? string.Concat(completion.Content.Select(part => part.Text)) : completion.Refusal;
                var answer = AnswerParser.TryParse(content, out var error);
                if (answer is not null)
                {
                    _cache.Add(key, answer);
                    return Build(conversation, answer, window.Truncation, attempts, fromCache: false);
                }

                LlmLog.AnswerRejected(_logger, conversation.Id, error!);
                attempts.Rejected.Add(error!);
                messages.Add(new AssistantChatMessage(content ?? string.Empty));
                messages.Add(new UserChatMessage(
                    $"That answer was rejected: {error}. Answer again with one JSON object only, matching the schema; every score is an integer from -100 to 100."));
            }
        }
        finally
        {
            _gate.Release();
        }

        var reason = attempts.Rejected.Count == 1
            ? $"the answer was rejected: {attempts.Rejected[0]}"
            : $"{attempts.Rejected.Count} answers were rejected, the last because {attempts.Rejected[^1]}";
        return await FallBackAsync(conversation, reason, attempts, window.Truncation, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<LlmScoreResult> FallBackAsync(Conversation conversation, string reason, Attempts attempts, Truncation? truncation, CancellationToken cancellationToken)
    {
        LlmLog.FellBack(_logger, conversation.Id, _fallback.Method.Engine, reason);
        var score = await _fallback.ScoreAsync(conversation, cancellationToken).ConfigureAwait(false);
        return new LlmScoreResult
        {
            Score = score,
            FallbackReason = reason,
            Usage = attempts.Usage,
            Cost = Options.CostOf(attempts.Usage),
            Requests = attempts.Requests.Value,
            AnswerAttempts = attempts.Answers,
            RejectedAnswers = attempts.Rejected,
            Truncation = truncation,
        };
    }

    private LlmScoreResult Build(Conversation conversation, LlmAnswer answer, Truncation? truncation, Attempts attempts, bool fromCache)
    {
        var highlights = new List<Highlight>();
        var dropped = new List<string>();
        foreach (var (quotes, role) in (ReadOnlySpan<(IReadOnlyList<EvidenceQuote>, SpeakerRole)>)[(answer.CustomerEvidence, SpeakerRole.Customer), (answer.AgentEvidence, SpeakerRole.Agent)])
        {
            foreach (var quote in quotes)
            {
                if (QuoteLocator.Locate(conversation, quote.Quote, role) is { } found)
                {
                    var text = conversation.Turns[found.TurnIndex].Text.Substring(found.Start, found.Length);
                    highlights.Add(new Highlight(found.TurnIndex, found.Start, found.Length, text, quote.Weight, EvidenceKind.Phrase, null));
                }
                else
                {
                    LlmLog.QuoteDropped(_logger, conversation.Id, quote.Quote);
                    dropped.Add(quote.Quote);
                }
            }
        }

        var turns = conversation.Turns;
        var hasAgent = turns.Any(t => t.Role == SpeakerRole.Agent);
        var hasCustomer = turns.Any(t => t.Role == SpeakerRole.Customer);
        var score = new ConversationScore
        {
            ConversationId = conversation.Id,
            Overall = new SideScore(answer.Overall),
            Agent = hasAgent ? new SideScore(answer.Agent) : null,
            Customer = hasCustomer ? new SideScore(answer.Customer) : null,
            Shift = ShiftOf(answer.CustomerStart, answer.CustomerEnd),
            Resolved = answer.Resolved,
            Explanation = answer.Explanation,
            Trend = [new TrendPoint(0, 0, turns.Count - 1, answer.Overall, hasCustomer ? answer.Customer : null, hasAgent ? answer.Agent : null)],
            Turns = [],
            Highlights = highlights,
            CustomerEmotions = new Dictionary<Emotion, double>(),
            RoleSource = conversation.RoleSource,
            Method = Method,
        };
        return new LlmScoreResult
        {
            Score = score,
            FromCache = fromCache,
            Usage = attempts.Usage,
            Cost = Options.CostOf(attempts.Usage),
            Requests = attempts.Requests.Value,
            AnswerAttempts = attempts.Answers,
            RejectedAnswers = attempts.Rejected,
            DroppedQuotes = dropped,
            Truncation = truncation,
        };
    }

    private static Shift ShiftOf(int start, int end) => Shifts.Between(start, end);

    /// <summary>What one conversation's scoring spent so far.</summary>
    private sealed class Attempts
    {
        public StrongBox<int> Requests { get; } = new(0);

        public int Answers { get; set; }

        public TokenUsage Usage { get; set; }

        public List<string> Rejected { get; } = [];
    }
}
