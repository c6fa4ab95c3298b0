using System.Globalization;
using Toneline.Core.Conversations;
using Toneline.Llm;

namespace Toneline.Cli.Commands.Llm;

/// <summary>Writes LLM results and run totals as plain lines.</summary>
internal static class LlmReport
{
    public static string Score(ConversationScore score) =>
        string.Create(CultureInfo.InvariantCulture, $"{score.Overall.Score,4} {score.Overall.Band.DisplayName(),-13}");

    public static void Result(TextWriter output, LlmScoreResult result)
    {
        var score = result.Score;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{score.ConversationId}  {Score(score)}  agent {score.Agent?.Score.ToString(CultureInfo.InvariantCulture) ?? "-"}  customer {score.Customer?.Score.ToString(CultureInfo.InvariantCulture) ?? "-"}  {score.Method}"));
        output.WriteLine($"  {score.Explanation}");
        foreach (var highlight in score.Highlights)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {(highlight.Weight >= 0 ? '+' : '-')} turn {highlight.TurnIndex + 1} [{highlight.Start},{highlight.Start + highlight.Length}): {highlight.Text}"));
        }

        Notes(output, result);
    }

    public static void Notes(TextWriter output, LlmScoreResult result)
    {
        if (result.FallbackReason is { } reason)
        {
            output.WriteLine($"  fell back to {result.Score.Method.Engine}: {reason}");
        }

        foreach (var quote in result.DroppedQuotes)
        {
            output.WriteLine($"  dropped quote not in the transcript: \"{quote}\"");
        }

        if (result.Truncation is { } truncation)
        {
            output.WriteLine($"  truncated: {truncation}");
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {(result.FromCache ? "from cache, " : string.Empty)}{result.Requests} requests, {result.Usage.PromptTokens}+{result.Usage.CompletionTokens} tokens, cost {result.Cost:0.######}"));
    }

    public static void Totals(TextWriter output, LlmRunTotals totals, LlmOptions options) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"LLM: {totals.Conversations} conversations, {totals.CacheHits} from cache, {totals.Fallbacks} fell back, {totals.Truncated} truncated, {totals.DroppedQuotes} quotes dropped; {totals.Requests} requests, {totals.Usage.PromptTokens}+{totals.Usage.CompletionTokens} tokens, cost {totals.CostAt(options):0.######}"));
}
