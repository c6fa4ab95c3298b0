using System.Text.Json;

namespace Toneline.Web.Tests.Stub;

/// <summary>What the stub server answers to one request.</summary>
internal sealed record StubReply(int Status, string Body)
{
    /// <summary>A 200 chat completion carrying a well-formed answer with the given scores and customer quotes.</summary>
    public static StubReply Scores(int overall, int agent, int customer, string explanation, params string[] customerQuotes)
    {
        var content = new
        {
            overall,
            agent,
            customer,
            customer_start = customer,
            customer_end = customer,
            resolved = overall > 0,
            explanation,
            evidence = new
            {
                agent = Array.Empty<object>(),
                customer = customerQuotes.Select(q => new { quote = q, polarity = overall >= 0 ? "positive" : "negative" }),
            },
        };
        var body = new
        {
            id = "chatcmpl-stub",
            @object = "chat.completion",
            created = 1_700_000_000,
            model = "stub-model",
            choices = new[] { new { index = 0, message = new { role = "assistant", content = JsonSerializer.Serialize(content) }, finish_reason = "stop" } },
            usage = new { prompt_tokens = 120, completion_tokens = 40, total_tokens = 160 },
        };
        return new StubReply(200, JsonSerializer.Serialize(body));
    }
}
