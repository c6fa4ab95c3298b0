using Toneline.Llm.Answers;

namespace Toneline.Llm.Tests.Answers;

public sealed class AnswerParserTests
{
    private const string Good = """
        {"overall": 45, "agent": 30, "customer": 50.0, "customer_start": -40, "customer_end": 70, "resolved": true,
         "explanation": " Fixed. ", "evidence": {"agent": [{"quote": "done", "polarity": "positive"}], "customer": ["bare quote"]}}
        """;

    [Fact]
    public void TryParse_ValidAnswer_ReadsEveryField()
    {
        var answer = AnswerParser.TryParse(Good, out var error);

        Assert.Null(error);
        Assert.NotNull(answer);
        Assert.Equal((45, 30, 50, -40, 70, true, "Fixed."), (answer.Overall, answer.Agent, answer.Customer, answer.CustomerStart, answer.CustomerEnd, answer.Resolved, answer.Explanation));
        Assert.Equal(new EvidenceQuote("done", 1), Assert.Single(answer.AgentEvidence));
        Assert.Equal(new EvidenceQuote("bare quote", 0), Assert.Single(answer.CustomerEvidence));
    }

    [Fact]
    public void TryParse_AnswerInACodeFence_IsAccepted()
    {
        Assert.NotNull(AnswerParser.TryParse("```json\n" + Good + "\n```", out _));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("[1, 2]", "not an object")]
    [InlineData("{\"overall\": ", "not valid JSON")]
    [InlineData("{\"overall\": \"high\"}", "'overall' was missing or not a number")]
    [InlineData("{\"overall\": 10, \"agent\": -101}", "'agent' was -101, outside -100..+100")]
    public void TryParse_BadAnswer_SaysWhatIsWrong(string content, string expected)
    {
        var answer = AnswerParser.TryParse(content, out var error);

        Assert.Null(answer);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
