using System.Text.Json;

namespace Toneline.Llm.Answers;

/// <summary>Parses and validates the model's JSON answer, saying exactly what was wrong.</summary>
internal static class AnswerParser
{
    /// <summary>Parses <paramref name="content"/>; on failure returns <c>null</c> and the reason.</summary>
    public static LlmAnswer? TryParse(string? content, out string? error)
    {
        error = null;
        var json = StripCodeFence(content);
        if (string.IsNullOrWhiteSpace(json))
        {
            error = "the answer was empty";
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = $"the answer was a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object";
                return null;
            }

            if (!TryScore(root, "overall", out var overall, ref error)
                || !TryScore(root, "agent", out var agent, ref error)
                || !TryScore(root, "customer", out var customer, ref error)
                || !TryScore(root, "customer_start", out var start, ref error)
                || !TryScore(root, "customer_end", out var end, ref error))
            {
                return null;
            }

            var resolved = root.TryGetProperty("resolved", out var r) && r.ValueKind == JsonValueKind.True;
            var explanation = root.TryGetProperty("explanation", out var e) && e.ValueKind == JsonValueKind.String
                ? e.GetString()!.Trim()
                : string.Empty;
            IReadOnlyList<EvidenceQuote> agentEvidence = [];
            IReadOnlyList<EvidenceQuote> customerEvidence = [];
            if (root.TryGetProperty("evidence", out var evidence) && evidence.ValueKind == JsonValueKind.Object)
            {
                agentEvidence = Quotes(evidence, "agent");
                customerEvidence = Quotes(evidence, "customer");
            }

            return new LlmAnswer(overall, agent, customer, start, end, resolved, explanation, agentEvidence, customerEvidence);
        }
        catch (JsonException ex)
        {
            error = $"the answer was not valid JSON ({ex.Message})";
            return null;
        }
    }

    private static bool TryScore(JsonElement root, string name, out int score, ref string? error)
    {
        score = 0;
        if (!root.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Number)
        {
            error = $"'{name}' was missing or not a number";
            return false;
        }

        var number = value.GetDouble();
        if (double.IsNaN(number) || number < -100 || number > 100)
        {
            error = $"'{name}' was {value.GetRawText()}, outside -100..+100";
            return false;
        }

        score = (int)Math.Round(number, MidpointRounding.AwayFromZero);
        return true;
    }

    private static List<EvidenceQuote> Quotes(JsonElement evidence, string speaker)
    {
        var quotes = new List<EvidenceQuote>();
        if (!evidence.TryGetProperty(speaker, out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return quotes;
        }

        foreach (var item in list.EnumerateArray())
        {
            // Models sometimes give bare strings instead of objects: keep the words, polarity unknown.
            var (text, polarity) = item.ValueKind switch
            {
                JsonValueKind.String => (item.GetString(), null),
                JsonValueKind.Object => (
                    item.TryGetProperty("quote", out var q) && q.ValueKind == JsonValueKind.String ? q.GetString() : null,
                    item.TryGetProperty("polarity", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null),
                _ => ((string?)null, (string?)null),
            };
            if (!string.IsNullOrWhiteSpace(text))
            {
                var weight = polarity?.ToLowerInvariant() switch
                {
                    "positive" => 1.0,
                    "negative" => -1.0,
                    _ => 0.0,
                };
                quotes.Add(new EvidenceQuote(text, weight));
            }
        }

        return quotes;
    }

    private static string StripCodeFence(string? content)
    {
        // Some local models wrap JSON in a Markdown fence despite the instructions; the fence carries no meaning.
        var text = content?.Trim() ?? string.Empty;
        if (!text.StartsWith("```", StringComparison.Ordinal))
        {
            return text;
        }

        var firstNewline = text.IndexOf('\n', StringComparison.Ordinal);
        var closing = text.LastIndexOf("```", StringComparison.Ordinal);
        return firstNewline < 0 || closing <= firstNewline ? text : text[(firstNewline + 1)..closing].Trim();
    }
}
