using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Toneline.Core.Scoring;

namespace Toneline.Llm.Prompts;

/// <summary>Renders the system prompt and the answer schema, and names the scoring method of a prompt.</summary>
internal static class PromptBuilder
{
    /// <summary>Bumped when the template below changes, so old and new prompts hash apart.</summary>
    public const string TemplateVersion = "t1";

    public const string SchemaName = "conversation_sentiment";

    public const string Schema = """
        {
          "type": "object",
          "additionalProperties": false,
          "required": ["overall", "agent", "customer", "customer_start", "customer_end", "resolved", "explanation", "evidence"],
          "properties": {
            "overall": { "type": "integer", "minimum": -100, "maximum": 100 },
            "agent": { "type": "integer", "minimum": -100, "maximum": 100 },
            "customer": { "type": "integer", "minimum": -100, "maximum": 100 },
            "customer_start": { "type": "integer", "minimum": -100, "maximum": 100 },
            "customer_end": { "type": "integer", "minimum": -100, "maximum": 100 },
            "resolved": { "type": "boolean" },
            "explanation": { "type": "string" },
            "evidence": {
              "type": "object",
              "additionalProperties": false,
              "required": ["agent", "customer"],
              "properties": {
                "agent": { "type": "array", "items": { "$ref": "#/$defs/quote" } },
                "customer": { "type": "array", "items": { "$ref": "#/$defs/quote" } }
              }
            }
          },
          "$defs": {
            "quote": {
              "type": "object",
              "additionalProperties": false,
              "required": ["quote", "polarity"],
              "properties": {
                "quote": { "type": "string" },
                "polarity": { "type": "string", "enum": ["positive", "negative"] }
              }
            }
          }
        }
        """;

    public static string SystemPrompt(PromptDefinitions definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var guidance = string.IsNullOrWhiteSpace(definitions.Guidance)
            ? string.Empty
            : $"\nAlso keep in mind: {definitions.Guidance.Trim()}\n";
        return $$"""
            You rate the sentiment of a contact-center conversation between an agent and a customer.

            Definitions:
            - Positive: {{definitions.Positive.Trim()}}
            - Negative: {{definitions.Negative.Trim()}}
            - Neutral: neither definition clearly applies.
            {{guidance}}
            Scores are integers from -100 (most negative) to +100 (most positive). Bands: below -60 very
            negative, -60 to -21 negative, -20 to +20 neutral, +21 to +60 positive, above +60 very positive.
            - overall: the whole conversation judged by the definitions, weighted toward how the customer ended.
            - agent: the agent's tone and helpfulness. customer: the customer's sentiment over the conversation.
            - customer_start and customer_end: the customer's sentiment in the opening and in the closing turns.
            - resolved: whether the customer's issue was resolved by the end.
            - explanation: two or three plain sentences a quality lead can read.
            - evidence: up to 5 short quotes per speaker that justify the scores, copied word for word from
              that speaker's lines (no turn numbers, no paraphrase, no ellipses), each marked positive or negative.

            Lines look like "[3] Customer: text". A line "[... N turns omitted ...]" marks turns left out for length.
            Answer with one JSON object only, no prose and no code fences, matching this JSON schema:
            {{Schema}}
            """;
    }

    /// <summary>The scoring method of a prompt version under options: <c>llm / model@pN / hash</c>.</summary>
    public static ScoringMethod Method(PromptVersion prompt, LlmOptions options)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(options);
        var material = string.Join('\n',
            TemplateVersion,
            prompt.Text,
            options.Model,
            options.Temperature.ToString("R", CultureInfo.InvariantCulture),
            options.MaxTranscriptTokens.ToString(CultureInfo.InvariantCulture),
            options.ResponseFormat.ToString());
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(material)))[..12];
        return new ScoringMethod(LlmConversationScorer.EngineName, string.Create(CultureInfo.InvariantCulture, $"{options.Model}@p{prompt.Version}"), hash);
    }
}
