using System.Globalization;
using System.Text;
using Toneline.Core.Conversations;

namespace Toneline.Llm.Transcripts;

/// <summary>The transcript as the model sees it: numbered lines, truncated by the documented rule.</summary>
/// <remarks>
/// The rule (docs/llm.md): tokens are estimated at one per 4 characters of each rendered line. A
/// transcript over the budget keeps its opening turns within a quarter of the budget and its closing
/// turns within the rest, because the end of a call decides its outcome; the first and the last turn
/// are always kept. The omitted middle is replaced by one marker line stating how many turns were left
/// out, so neither the model nor the report is silent about it.
/// </remarks>
internal sealed record TranscriptWindow(string Text, Truncation? Truncation)
{
    public const int CharsPerToken = 4;

    public static TranscriptWindow Build(Conversation conversation, int budgetTokens)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var lines = new string[conversation.Turns.Count];
        var tokens = new int[lines.Length];
        var total = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = Line(i, conversation.Turns[i]);
            tokens[i] = EstimateTokens(lines[i]);
            total += tokens[i];
        }

        if (total <= budgetTokens || lines.Length <= 2)
        {
            return new TranscriptWindow(string.Join('\n', lines), null);
        }

        var headBudget = budgetTokens / 4;
        var tailBudget = budgetTokens - headBudget - 20; // 20: room for the marker line
        var head = 1;
        var used = tokens[0];
        while (head < lines.Length - 1 && used + tokens[head] <= headBudget)
        {
            used += tokens[head++];
        }

        var tail = lines.Length - 1; // first index of the kept closing turns
        used = tokens[tail];
        while (tail - 1 >= head && used + tokens[tail - 1] <= tailBudget)
        {
            used += tokens[--tail];
        }

        if (tail == head)
        {
            return new TranscriptWindow(string.Join('\n', lines), null);
        }

        var truncation = new Truncation(tail - head, head, tail - 1, total, budgetTokens);
        var text = new StringBuilder();
        for (var i = 0; i < head; i++)
        {
            text.Append(lines[i]).Append('\n');
        }

        text.Append(CultureInfo.InvariantCulture,
            $"[... {truncation.OmittedTurns} turns omitted here (turns {head + 1}-{tail}) to fit the length limit ...]");
        for (var i = tail; i < lines.Length; i++)
        {
            text.Append('\n').Append(lines[i]);
        }

        return new TranscriptWindow(text.ToString(), truncation);
    }

    public static int EstimateTokens(string text) => (text.Length + CharsPerToken) / CharsPerToken;

    private static string Line(int index, Turn turn)
    {
        var speaker = turn.Role switch
        {
            SpeakerRole.Agent => "Agent",
            SpeakerRole.Customer => "Customer",
            _ => "Other",
        };
        return string.Create(CultureInfo.InvariantCulture, $"[{index + 1}] {speaker}: {turn.Text.ReplaceLineEndings(" ")}");
    }
}
