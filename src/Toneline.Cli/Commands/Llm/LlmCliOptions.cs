using System.CommandLine;
using System.Globalization;
using Toneline.Core.Scoring;
using Toneline.Llm;
using Toneline.Llm.Prompts;

namespace Toneline.Cli.Commands.Llm;

/// <summary>The options every LLM command shares, and the factory <c>toneline score --engine llm</c> uses.</summary>
/// <remarks>
/// Usage from another verb: <c>var llm = new LlmCliOptions(); llm.AddTo(command);</c> then in the
/// action <c>if (!llm.TryCreateScorer(parse, fallback, out var scorer, out var error)) ...</c>.
/// The key is read from the environment variable named by <c>--api-key-env</c>, never from the command line.
/// </remarks>
internal sealed class LlmCliOptions
{
    public Option<string?> Endpoint { get; } = new("--endpoint")
    {
        Description = "OpenAI-compatible API base, e.g. https://api.openai.com/v1 or http://localhost:11434/v1 (default: $TONELINE_LLM_ENDPOINT).",
    };

    public Option<string?> Model { get; } = new("--model") { Description = "Model or deployment name (default: $TONELINE_LLM_MODEL)." };

    public Option<string> ApiKeyEnv { get; } = new("--api-key-env")
    {
        Description = "Environment variable that holds the API key.",
        DefaultValueFactory = _ => "OPENAI_API_KEY",
    };

    public Option<float> Temperature { get; } = new("--temperature") { Description = "Sampling temperature.", DefaultValueFactory = _ => 0f };

    public Option<double> TimeoutSeconds { get; } = new("--timeout") { Description = "Seconds one request may take.", DefaultValueFactory = _ => 60 };

    public Option<int> MaxConcurrency { get; } = new("--max-concurrency") { Description = "Requests in flight at once.", DefaultValueFactory = _ => 4 };

    public Option<int> Retries { get; } = new("--retries") { Description = "Retries after 429, 5xx or a timeout.", DefaultValueFactory = _ => 3 };

    public Option<decimal> PromptCost { get; } = new("--prompt-cost") { Description = "Price per 1,000 prompt tokens.", DefaultValueFactory = _ => 0m };

    public Option<decimal> CompletionCost { get; } = new("--completion-cost") { Description = "Price per 1,000 completion tokens.", DefaultValueFactory = _ => 0m };

    public Option<int> MaxTranscriptTokens { get; } = new("--max-transcript-tokens")
    {
        Description = "Transcript budget in tokens (4 characters each); longer transcripts are truncated by the rule in docs/llm.md.",
        DefaultValueFactory = _ => 6000,
    };

    public Option<LlmResponseFormat> ResponseFormat { get; } = new("--response-format")
    {
        Description = "How JSON is requested: JsonSchema, JsonObject or Text (for servers without structured output).",
        DefaultValueFactory = _ => LlmResponseFormat.JsonSchema,
    };

    public Option<string?> CacheDir { get; } = new("--cache-dir") { Description = "Folder for the on-disk answer cache (default: memory only)." };

    public Option<string?> Prompts { get; } = new("--prompts") { Description = "Prompt store folder (default: ~/.toneline/prompts)." };

    public Option<int?> PromptVersion { get; } = new("--prompt-version") { Description = "Prompt version to use instead of the active one." };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in (Option[])[Endpoint, Model, ApiKeyEnv, Temperature, TimeoutSeconds, MaxConcurrency, Retries, PromptCost, CompletionCost, MaxTranscriptTokens, ResponseFormat, CacheDir, Prompts, PromptVersion])
        {
            command.Options.Add(option);
        }
    }

    public PromptStore Store(ParseResult parse) => new(parse.GetValue(Prompts) ?? PromptStore.DefaultDirectory);

    /// <summary>Builds <see cref="LlmOptions"/>; on a missing or invalid value returns <c>false</c> and a message naming the option.</summary>
    public bool TryCreateOptions(ParseResult parse, out LlmOptions options, out string error)
    {
        ArgumentNullException.ThrowIfNull(parse);
        options = null!;
        error = string.Empty;
        var endpoint = AbsoluteUri(parse.GetValue(Endpoint) ?? Environment.GetEnvironmentVariable("TONELINE_LLM_ENDPOINT"));
        var model = parse.GetValue(Model) ?? Environment.GetEnvironmentVariable("TONELINE_LLM_MODEL");
        if (endpoint is null)
        {
            error = "--endpoint is required (an absolute URL such as http://localhost:11434/v1), or set TONELINE_LLM_ENDPOINT.";
            return false;
        }

        if (string.IsNullOrWhiteSpace(model))
        {
            error = "--model is required, or set TONELINE_LLM_MODEL.";
            return false;
        }

        var keyVariable = parse.GetValue(ApiKeyEnv)!;
        options = new LlmOptions
        {
            Endpoint = endpoint,
            Model = model,
            ApiKey = Environment.GetEnvironmentVariable(keyVariable),
            Temperature = parse.GetValue(Temperature),
            Timeout = TimeSpan.FromSeconds(parse.GetValue(TimeoutSeconds)),
            MaxConcurrency = parse.GetValue(MaxConcurrency),
            MaxRetries = parse.GetValue(Retries),
            PromptCostPer1kTokens = parse.GetValue(PromptCost),
            CompletionCostPer1kTokens = parse.GetValue(CompletionCost),
            MaxTranscriptTokens = parse.GetValue(MaxTranscriptTokens),
            ResponseFormat = parse.GetValue(ResponseFormat),
            CacheDirectory = parse.GetValue(CacheDir),
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentException ex)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"Invalid LLM option: {ex.Message}");
            return false;
        }

        return true;
    }

    /// <summary>Makes the scorer for the active (or <c>--prompt-version</c>) prompt; the factory behind <c>score --engine llm</c>.</summary>
    public bool TryCreateScorer(ParseResult parse, IConversationScorer fallback, out LlmConversationScorer scorer, out string error)
    {
        scorer = null!;
        if (!TryCreateOptions(parse, out var options, out error))
        {
            return false;
        }

        try
        {
            scorer = LlmScorerFactory.Create(options, fallback, parse.GetValue(Prompts), parse.GetValue(PromptVersion));
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidDataException or IOException)
        {
            error = ex.Message;
            return false;
        }
    }

    private static Uri? AbsoluteUri(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;
}
