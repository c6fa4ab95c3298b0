using Toneline.Llm.Prompts;

namespace Toneline.Llm.Tests;

/// <summary>Options and prompts sized for tests: short backoff and timeouts.</summary>
internal static class TestOptions
{
    public static LlmOptions For(Uri endpoint) => new()
    {
        Endpoint = endpoint,
        Model = "stub-model",
        ApiKey = "test-key",
        Timeout = TimeSpan.FromSeconds(5),
        RetryBaseDelay = TimeSpan.FromMilliseconds(5),
        MaxRetries = 3,
        PromptCostPer1kTokens = 0.5m,
        CompletionCostPer1kTokens = 1.5m,
    };

    public static PromptVersion Prompt(int version = 1, PromptDefinitions? definitions = null) =>
        new(version, definitions ?? PromptDefinitions.Default, new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), "test");
}
