using System.Collections.Concurrent;
using Toneline.Core.Scoring;
using Toneline.Llm;
using Toneline.Llm.Prompts;
using Toneline.Web.Hosting;

namespace Toneline.Web.Prompts;

/// <summary>The prompt store and the LLM the Prompts page works with: versions, drafts, scorers.</summary>
/// <remarks>
/// Scorers for saved versions are kept for the app's life so that their answer cache spares repeated
/// runs; drafts get a scorer of their own each run. <see cref="PromptStore"/> assumes one writer, so
/// creating and activating versions is serialized here.
/// </remarks>
internal sealed class PromptLab : IDisposable
{
    public const string HowToConfigure =
        "Start the server with --llm-endpoint URL --llm-model NAME (and --llm-api-key-env VAR naming the variable that holds the key), "
        + "or set TONELINE_LLM_ENDPOINT and TONELINE_LLM_MODEL; see docs/llm.md for OpenAI, Azure OpenAI, Ollama, vLLM and llama.cpp.";

    private readonly ConcurrentDictionary<int, LlmConversationScorer> _scorers = new();
    private readonly Lock _writing = new();
    private readonly TimeProvider _time;

    public PromptLab(TonelineWebOptions options, IConversationScorer builtIn)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = options.Time;
        BuiltIn = builtIn;
        Store = new PromptStore(options.PromptsDirectory ?? DefaultDirectory(options.Db), options.Time);
        if (options.LlmEndpoint is { } endpoint && !string.IsNullOrWhiteSpace(options.LlmModel))
        {
            Llm = new LlmOptions
            {
                Endpoint = endpoint,
                Model = options.LlmModel,
                ApiKey = Environment.GetEnvironmentVariable(options.LlmApiKeyEnv),
            };
            Llm.Validate();
        }
    }

    public PromptStore Store { get; }

    /// <summary>The LLM options, or null when no endpoint and model are configured.</summary>
    public LlmOptions? Llm { get; }

    public IConversationScorer BuiltIn { get; }

    /// <summary>The default folder: <c>prompts/</c> beside a SQLite file; the CLI's default for a PostgreSQL connection string.</summary>
    public static string DefaultDirectory(string db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var connectionString = db.Contains(';', StringComparison.Ordinal) && db.Contains('=', StringComparison.Ordinal);
        return connectionString ? PromptStore.DefaultDirectory : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(db)) ?? ".", "prompts");
    }

    public PromptVersion Create(PromptDefinitions definitions, string createdBy, string note)
    {
        lock (_writing)
        {
            return Store.Create(definitions, createdBy, note);
        }
    }

    public PromptActivation Activate(int version, string activatedBy)
    {
        lock (_writing)
        {
            return Store.Activate(version, activatedBy);
        }
    }

    /// <summary>An unsaved version 0 of the given definitions, for one run.</summary>
    public PromptVersion Draft(PromptDefinitions definitions, string by) => new(0, definitions, _time.GetUtcNow(), by, "unsaved draft");

    /// <summary>Runs <paramref name="work"/> with a scorer for <paramref name="prompt"/>; needs <see cref="Llm"/>.</summary>
    public async Task<T> WithScorerAsync<T>(PromptVersion prompt, Func<LlmConversationScorer, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(work);
        var options = Llm ?? throw new InvalidOperationException("No LLM endpoint is configured. " + HowToConfigure);
        if (prompt.Version > 0)
        {
            return await work(_scorers.GetOrAdd(prompt.Version, _ => new LlmConversationScorer(options, prompt, BuiltIn, _time))).ConfigureAwait(false);
        }

        using var draft = new LlmConversationScorer(options, prompt, BuiltIn, _time);
        return await work(draft).ConfigureAwait(false);
    }

    public void Dispose()
    {
        foreach (var scorer in _scorers.Values)
        {
            scorer.Dispose();
        }
    }
}
