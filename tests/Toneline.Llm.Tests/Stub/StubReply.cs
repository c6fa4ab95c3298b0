using System.Globalization;
using System.Text.Json;

namespace Toneline.Llm.Tests.Stub;

/// <summary>What the stub server answers to one request.</summary>
internal sealed record StubReply(int Status, string Body, TimeSpan Delay = default, string? RetryAfter = null)
{
    /// <summary>A 200 chat completion whose message content is <paramref name="content"/>.</summary>
    public static StubReply Answer(string content, int promptTokens = 100, int completionTokens = 50, TimeSpan delay = default)
    {
        var body = new
        {
            id = "chatcmpl-stub",
            @object = "chat.completion",
            created = 1_700_000_000,
            model = "stub-model",
            choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
            usage = new { prompt_tokens = promptTokens, completion_tokens = completionTokens, total_tokens = promptTokens + completionTokens },
        };
        return new StubReply(200, JsonSerializer.Serialize(body), delay);
    }

    /// <summary>A well-formed answer with the given scores and quotes.</summary>
    public static StubReply Scores(int overall, int agent = 30, int customer = 40, string[]? customerQuotes = null, string[]? agentQuotes = null, TimeSpan delay = default)
    {
        var content = new
        {
            overall,
            agent,
            customer,
            customer_start = -50,
            customer_end = 60,
            resolved = true,
            explanation = "The customer was upset about the bill and thanked the agent once it was fixed.",
            evidence = new
            {
                agent = (agentQuotes ?? []).Select(q => new { quote = q, polarity = "positive" }),
                customer = (customerQuotes ?? []).Select(q => new { quote = q, polarity = q.Contains("thank", StringComparison.OrdinalIgnoreCase) ? "positive" : "negative" }),
            },
        };
        return Answer(JsonSerializer.Serialize(content), delay: delay);
    }

    /// <summary>An error status with an OpenAI-style error body.</summary>
    public static StubReply Error(int status, string? retryAfter = null, TimeSpan delay = default) =>
        new(status, "{\"error\":{\"message\":\"stub error " + status.ToString(CultureInfo.InvariantCulture) + "\",\"type\":\"server_error\"}}", delay, retryAfter);
}
