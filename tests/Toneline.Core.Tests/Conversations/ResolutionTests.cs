using Toneline.Core.Conversations;
using Toneline.Core.Scoring.BuiltIn;

namespace Toneline.Core.Tests.Conversations;

/// <summary>Whether a conversation's issue reads as resolved: from what was said, not the mood alone.</summary>
public sealed class ResolutionTests
{
    private static readonly ConversationScorer Scorer = ConversationScorer.CreateDefault();

    private static ConversationScore Score(params (SpeakerRole Role, string Text)[] turns) =>
        Scorer.Score(new Conversation("test-call", turns.Select(t => new Turn(t.Role, t.Text)).ToList()));

    private const SpeakerRole Agent = SpeakerRole.Agent;
    private const SpeakerRole Customer = SpeakerRole.Customer;

    [Fact]
    public void Resolved_WhenTheFixIsStated_EvenIfTheCustomerEndsAnnoyed()
    {
        var score = Score(
            (Customer, "This is the third time I'm calling about the late fee on my account."),
            (Agent, "I'm sorry about that. Let me look."),
            (Agent, "The fee has been waived and it won't show on your next bill."),
            (Customer, "Fine. But it's ridiculous that it took three calls and two hours of my life."));

        Assert.True(score.Customer!.Value.Score < 0, "the customer ends annoyed");
        Assert.True(score.Resolved, score.Explanation);
        Assert.Contains("issue resolved ('been waived", score.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Unresolved_WhenTheAgentCouldNotHelp_EvenIfTheCustomerThanksThem()
    {
        var score = Score(
            (Customer, "Hi, I'd like a refund for the rest of my annual plan."),
            (Agent, "I'm sorry, but annual plans are only refundable in the first 14 days, so I'm not able to refund the remaining months."),
            (Customer, "Oh, okay. I understand."),
            (Agent, "I can turn off auto-renew so it won't charge you again."),
            (Customer, "Yes please. Thanks so much, you've been really kind."));

        Assert.False(score.Resolved, score.Explanation);
        Assert.Contains("agent could not do what was asked", score.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolved_WhenARefusalIsFollowedByAFix()
    {
        var score = Score(
            (Customer, "My card was declined at checkout."),
            (Agent, "Unfortunately I'm not able to see the reason from here, let me transfer you to the card team."),
            (Agent, "Card team here. I've unlocked the card, it was a fraud hold."),
            (Customer, "Just tried it again and it went through. Thanks."));

        Assert.True(score.Resolved, score.Explanation);
    }

    [Fact]
    public void Resolved_WhenTheCustomerHasNothingMoreToAsk()
    {
        var score = Score(
            (Agent, "Account services, this is Dana."),
            (Customer, "Hi, what's the interest rate on my savings account?"),
            (Agent, "It's currently one point two five percent."),
            (Customer, "okay"),
            (Agent, "Anything else today?"),
            (Customer, "no that was it"));

        Assert.True(score.Resolved, score.Explanation);
        Assert.Contains("customer needed nothing more ('no that was it')", score.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolved_WhenTheCustomerSaysTheQuestionIsAnswered()
    {
        var score = Score(
            (Customer, "When does the new rate take effect?"),
            (Agent, "With meter reads on or after January 1."),
            (Customer, "Understood, that's what I needed."));

        Assert.True(score.Resolved, score.Explanation);
        Assert.Contains("question answered", score.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("It will be fixed by the weekend, I promise.")]
    [InlineData("Is it working now?")]
    [InlineData("Our engineers say it should be resolved soon.")]
    public void NotResolved_ByAPromiseOrAQuestion(string line)
    {
        var score = Score(
            (Customer, "My internet has been down since Monday."),
            (Agent, "I see the outage in your area."),
            (Agent, line),
            (Customer, "okay"));

        Assert.NotEqual(true, score.Resolved);
    }

    [Fact]
    public void Unresolved_WhenTheProblemIsStillThereAfterTheFix()
    {
        var score = Score(
            (Customer, "The app won't let me log in."),
            (Agent, "I've reset your password, it's fixed now."),
            (Customer, "It still doesn't work, I get the same error."),
            (Agent, "Let me check."),
            (Customer, "Forget it, I'll call back tomorrow."));

        Assert.False(score.Resolved, score.Explanation);
        Assert.Contains("issue still open at the end", score.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Unresolved_WhenTheFixIsOnlyHandedOn()
    {
        var score = Score(
            (Customer, "My number still hasn't moved over from my old network."),
            (Agent, "I've escalated it to our porting team, they usually sort it in a couple of days."),
            (Customer, "so I just wait"),
            (Agent, "Yes, you'll get a text. Sorry for the delay!"),
            (Customer, "ok thx"));

        Assert.False(score.Resolved, score.Explanation);
    }

    [Fact]
    public void Unresolved_WhenTheCustomerThanksTheAgentAnyway()
    {
        var score = Score(
            (Customer, "Is there a way to get the late fee taken off?"),
            (Agent, "Let me look at the account."),
            (Agent, "Those fees are set by the billing system, there's no way for me to change them today."),
            (Customer, "Okay. Thanks for trying, I appreciate it."));

        Assert.False(score.Resolved, score.Explanation);
    }

    [Fact]
    public void Resolved_WhenTheQuestionIsAnswered_EvenIfTheLastWordsReadNegative()
    {
        var score = Score(
            (Customer, "how do I send money abroad"),
            (Agent, "you'll need their swift code and the iban"),
            (Customer, "okay iban got it that's all i needed to know"),
            (Agent, "great anything else"),
            (Customer, "no that's it, four days of waiting for this answer though, not impressed"));

        Assert.True(score.Resolved, score.Explanation);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Resolution_MovesTheCustomerScoreByItsWeight(bool fixedInTheEnd)
    {
        var conversation = new Conversation("weighted", new List<Turn>
        {
            new(Customer, "The app keeps logging me out."),
            new(Agent, fixedInTheEnd ? "I've reset your session, it works now." : "I'm not able to change that from here."),
            new(Customer, "okay"),
        });
        var unweighted = new ConversationScorer(BuiltInEngine.Default, new ConversationScorerOptions { ResolutionWeight = 0 }).Score(conversation);

        var weighted = Scorer.Score(conversation);

        Assert.Equal(fixedInTheEnd, weighted.Resolved);
        Assert.InRange(weighted.Customer!.Value.Score - unweighted.Customer!.Value.Score, fixedInTheEnd ? 14 : -16, fixedInTheEnd ? 16 : -14);
        Assert.NotEqual(unweighted.Method, weighted.Method);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConversationScorer(BuiltInEngine.Default, new ConversationScorerOptions { ResolutionWeight = 1.5 }));
    }

    [Fact]
    public void NegatedFix_CountsAsOpen()
    {
        var found = Find("It hasn't been fixed and my refund hasn't been processed.", Customer);

        Assert.Equal([ResolutionCueKind.Open, ResolutionCueKind.Open], found.Select(c => c.Kind));
    }

    [Theory]
    [InlineData("its working now")]
    [InlineData("it's working now")]
    [InlineData("IT\u2019S WORKING NOW")]
    public void Phrases_MatchWithOrWithoutApostrophes_AndAnyCase(string text)
    {
        var cue = Assert.Single(Find(text, Customer));

        Assert.Equal(ResolutionCueKind.Fixed, cue.Kind);
        Assert.Equal(text[..^" now".Length], text.Substring(cue.Start, cue.Length));
    }

    [Theory]
    [InlineData("I've just issued a refund for the card payment.")]
    [InlineData("I've gone ahead and waived the fee.")]
    [InlineData("Your refund has been fully processed.")]
    public void Phrases_PassOverAdverbsBetweenTheirWords(string text)
    {
        Assert.Equal(ResolutionCueKind.Fixed, Assert.Single(Find(text, Agent)).Kind);
    }

    [Fact]
    public void AnsweringAnythingElseWithNo_IsNotANegation()
    {
        var score = Score(
            (Customer, "I was charged twice for March."),
            (Agent, "I've refunded the second payment, it'll be back in three days."),
            (Agent, "Is there anything else I can help you with today?"),
            (Customer, "No, that's everything. Thank you so much."));

        Assert.True(score.Resolved, score.Explanation);
        Assert.Contains("issue resolved ('I've refunded the second payment", score.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void AgentPhrases_DoNotCountFromTheCustomer()
    {
        Assert.Empty(Find("you said I'm not able to get a refund", Customer));
        Assert.Equal(ResolutionCueKind.Refused, Assert.Single(Find("I'm not able to refund that", Agent)).Kind);
    }

    [Fact]
    public void Declined_CountsOnlyAtTheStartOfTheTurn()
    {
        Assert.Equal(ResolutionCueKind.Declined, Assert.Single(Find("oh no, that's all", Customer)).Kind);
        Assert.Empty(Find("there was no one there", Customer));
    }

    [Theory]
    [InlineData("works now\tfixed", "cues.tsv:1: expected phrase<TAB>kind<TAB>speaker, got 2 column(s).")]
    [InlineData("works now\tsolved\tany", "cues.tsv:1: kind: expected fixed, answered, open, refused, offer or declined, got \"solved\".")]
    [InlineData("# comment\nworks now\tfixed\tboth", "cues.tsv:2: speaker: expected any, customer or agent, got \"both\".")]
    [InlineData("works now\tfixed\tany\nWorks Now\topen\tany", "cues.tsv:2: \"Works Now\" is listed twice.")]
    public void Load_BadLine_NamesFileAndLine(string tsv, string message)
    {
        var error = Assert.Throws<FormatException>(() => ResolutionCues.Load(tsv, "cues.tsv"));

        Assert.Equal(message, error.Message);
    }

    private static List<ResolutionCue> Find(string text, SpeakerRole role)
    {
        var found = new List<ResolutionCue>();
        ResolutionCues.Default.Find(text, role, 0, [], found);
        return found;
    }
}
