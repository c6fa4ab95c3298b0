using System.Text.Json;
using System.Text.RegularExpressions;
using Toneline.Core.Conversations;
using Toneline.Core.Scoring;
using Toneline.Core.Scoring.BuiltIn;

namespace Toneline.Core.Tests.Scoring;

public sealed class BuiltInEngineTests
{
    private static readonly BuiltInEngine Engine = BuiltInEngine.Default;

    public static TheoryData<string, string> GoldenCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Data", "scoring.golden.jsonl")))
        {
            if (line.Length > 0)
            {
                using var doc = JsonDocument.Parse(line);
                data.Add(doc.RootElement.GetProperty("rule").GetString()!, line);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GoldenCases))]
    public void Score_GoldenCase_MatchesExpectation(string rule, string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var role = root.TryGetProperty("role", out var r) && r.GetString() == "agent" ? SpeakerRole.Agent : SpeakerRole.Customer;
        string text = root.GetProperty("text").GetString()!;
        var result = Engine.Analyze(text, role);
        string because = $"{rule}: '{text}' scored {result.Score:F3} ({result.Label}) with evidence [{string.Join("; ", result.Evidence.Select(e => $"{e.Text} {e.Weight:+0.00;-0.00} {e.Note}"))}]";

        if (root.TryGetProperty("label", out var label))
        {
            Assert.True(Enum.Parse<SentimentLabel>(label.GetString()!, ignoreCase: true) == result.Label, because);
        }

        if (root.TryGetProperty("min", out var min))
        {
            Assert.True(result.Score >= min.GetDouble(), because);
        }

        if (root.TryGetProperty("max", out var max))
        {
            Assert.True(result.Score <= max.GetDouble(), because);
        }

        if (root.TryGetProperty("not", out var not))
        {
            Assert.True(Enum.Parse<SentimentLabel>(not.GetString()!, ignoreCase: true) != result.Label, because);
        }

        if (root.TryGetProperty("above", out var above))
        {
            var other = Engine.Summarize(above.GetString()!, role).Score;
            Assert.True(result.Score > other, $"{because}; should score above '{above.GetString()}' ({other:F3})");
        }

        if (root.TryGetProperty("below", out var below))
        {
            var other = Engine.Summarize(below.GetString()!, role).Score;
            Assert.True(result.Score < other, $"{because}; should score below '{below.GetString()}' ({other:F3})");
        }

        if (root.TryGetProperty("above_as_customer", out _))
        {
            var asCustomer = Engine.Summarize(text, SpeakerRole.Customer).Score;
            Assert.True(result.Score >= asCustomer, $"{because}; the agent's words should not read worse than the customer's ({asCustomer:F3})");
        }
    }

    [Fact]
    public void Analyze_EvidenceOffsets_PointAtTheCueInTheText()
    {
        const string text = "Well, the agent was not helpful, and I've been on hold for 40 minutes.";
        var result = Engine.Analyze(text);

        Assert.NotEmpty(result.Evidence);
        foreach (var evidence in result.Evidence)
        {
            Assert.Equal(evidence.Text, text.Substring(evidence.Start, evidence.Length));
        }

        var negated = Assert.Single(result.Evidence, e => e.Text == "not helpful");
        Assert.True(negated.Weight < 0);
        Assert.Contains("negated", negated.Note, StringComparison.Ordinal);
        var hold = Assert.Single(result.Evidence, e => e.Kind == EvidenceKind.ServiceEvent);
        Assert.Contains("long duration", hold.Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("I was on hold for 45 minutes.", true)]
    [InlineData("45 minutes on hold.", true)]
    [InlineData("We've been 20 min on hold", true)]
    [InlineData("2 days ago I was put on hold.", false)]
    [InlineData("I was put on hold.", false)]
    public void Analyze_RulesAlone_ADurationBeforeOrAfterAnEvent_StrengthensIt(string text, bool longer)
    {
        // "45 minutes on hold" is as long as "on hold for 45 minutes"; "2 days ago" does not time the hold.
        var rules = new BuiltInEngine(new BuiltInEngineOptions { UseLearnedModel = false });

        var hold = Assert.Single(rules.Analyze(text).Evidence, e => e.Kind == EvidenceKind.ServiceEvent);

        Assert.Equal(longer, (hold.Note ?? "").Contains("long duration", StringComparison.Ordinal));
        Assert.True(hold.Weight < 0);
    }

    [Theory]
    [InlineData("Unfortunately, that fare can't be refunded.", "Unfortunately")]
    [InlineData("Sadly the hotel is fully booked that night.", "Sadly")]
    public void Analyze_RulesAlone_AnAgentsRegretBeforeBadNews_IsCourtesy(string text, string softener)
    {
        // "Unfortunately" from an agent softens the news, like "I'm afraid"; from a customer it complains.
        var rules = new BuiltInEngine(new BuiltInEngineOptions { UseLearnedModel = false });

        var agent = Assert.Single(rules.Analyze(text, SpeakerRole.Agent).Evidence, e => e.Text == softener);
        var customer = Assert.Single(rules.Analyze(text).Evidence, e => e.Text == softener);

        Assert.Equal(EvidenceKind.Courtesy, agent.Kind);
        Assert.True(agent.Weight > customer.Weight / 4, $"agent {agent.Weight}, customer {customer.Weight}");
        Assert.True(customer.Weight <= -1);
    }

    [Theory]
    [InlineData("The app is too slow to be useful.", "to be useful")]
    [InlineData("The agent was of little help.", "little help")]
    public void Analyze_RulesAlone_NegateAfterTooToAndLittle_WithTheNegationInTheEvidence(string text, string negatedText)
    {
        var rules = new BuiltInEngine(new BuiltInEngineOptions { UseLearnedModel = false });

        var result = rules.Analyze(text);

        var negated = Assert.Single(result.Evidence, e => e.Text == negatedText);
        Assert.True(negated.Weight < 0);
        Assert.Contains("negated", negated.Note, StringComparison.Ordinal);
        Assert.True(result.Score < 0);
    }

    [Theory]
    [InlineData("Can't recommend highly enough.", "Can't recommend highly enough", 1)]
    [InlineData("Good luck with that.", "Good luck with that", -1)]
    [InlineData("The agent hung up on me.", "hung up on me", -1)]
    [InlineData("Worst experience ever.", "Worst experience ever", -1)]
    public void Analyze_RulesAlone_MatchTheLongestPhrase_EvenWhenAShorterOneMatchesFirst(string text, string phrase, int sign)
    {
        // Each text starts with a shorter phrase of its own ("can't recommend", "good luck", "hung up"),
        // often of the opposite sign: matching stopped at it until the longest match was fixed.
        var rules = new BuiltInEngine(new BuiltInEngineOptions { UseLearnedModel = false });

        var result = rules.Analyze(text);

        var evidence = Assert.Single(result.Evidence);
        Assert.Equal(phrase, evidence.Text);
        Assert.Equal(sign, Math.Sign(evidence.Weight));
        Assert.Equal(sign, Math.Sign(result.Score));
    }

    [Theory]
    [InlineData("I've never been so happy.", "happy", 1)]
    [InlineData("Never been happier with a company.", "happier", 1)]
    [InlineData("I've never had such great service.", "great", 1)]
    [InlineData("I have never been this frustrated in my life.", "frustrated", -1)]
    [InlineData("I have never been treated so badly.", "badly", -1)]
    [InlineData("Nobody has ever been so helpful to me.", "helpful", 1)]
    public void Analyze_RulesAlone_NeverWithADegree_StrengthensInsteadOfNegating(string text, string cue, int sign)
    {
        // "Never been so happy" is the happiest, not unhappy: the negation read it as the opposite.
        var rules = new BuiltInEngine(new BuiltInEngineOptions { UseLearnedModel = false });

        var result = rules.Analyze(text);

        var evidence = Assert.Single(result.Evidence, e => e.Text == cue);
        Assert.Equal(sign, Math.Sign(evidence.Weight));
        Assert.DoesNotContain("negated", evidence.Note ?? "", StringComparison.Ordinal);
        Assert.Contains("intensified", evidence.Note ?? "", StringComparison.Ordinal);
        Assert.Equal(sign, Math.Sign(result.Score));
    }

    [Theory]
    [InlineData("Great, another outage.", "Great", true)]
    [InlineData("Fantastic, the app crashed again.", "Fantastic", true)]
    [InlineData("Great, it works now!", "Great", false)]
    [InlineData("Perfect, thanks, the refund came through.", "Perfect", false)]
    public void Analyze_RulesAlone_PraiseOpeningAComplaint_IsIronic(string text, string praise, bool ironic)
    {
        // "Great, another outage.": praise alone at the start of a customer's sentence, then a complaint.
        var rules = new BuiltInEngine(new BuiltInEngineOptions { UseLearnedModel = false });

        var result = rules.Analyze(text);
        var agent = rules.Analyze(text, SpeakerRole.Agent);

        var opening = Assert.Single(result.Evidence, e => e.Text == praise);
        Assert.Equal(ironic, opening.Weight < 0);
        Assert.Equal(ironic, (opening.Note ?? "").Contains("ironic", StringComparison.Ordinal));
        Assert.Equal(ironic ? -1 : 1, Math.Sign(result.Score));
        Assert.True(Assert.Single(agent.Evidence, e => e.Text == praise).Weight > 0, "only a customer's opening praise turns ironic");
    }

    [Theory]
    [InlineData("@softco the update broke my laptop, great job guys", "great job", true)]
    [InlineData("Latest update bricked my laptop. Thanks a lot.", "Thanks a lot", true)]
    [InlineData("Flight cancelled. Awesome 👍", "Awesome", true)]
    [InlineData("Lost my bag, great job finding it so fast", "great job", false)]
    [InlineData("My flight was delayed but great job", "great job", false)]
    [InlineData("The issue is fixed, great job", "great job", false)]
    [InlineData("Flight cancelled. Awesome, rebooked already.", "Awesome", false)]
    [InlineData("The app crashes on start. Thanks.", "Thanks", false)]
    [InlineData("my order never arrived perfect", "perfect", true)]
    [InlineData("i had to call twice but the site still doesnt work great job", "great job", true)]
    [InlineData("my order never arrived and the refund came fast great job", "great job", false)]
    public void Analyze_RulesAlone_PraiseLeftBareAfterAComplaint_IsIronic(string text, string praise, bool ironic)
    {
        // "The update wiped my files, great job": generic praise closing a complaint, with nothing it praises.
        var rules = new BuiltInEngine(new BuiltInEngineOptions { UseLearnedModel = false });

        var result = rules.Analyze(text);
        var agent = rules.Analyze(text, SpeakerRole.Agent);

        var closing = Assert.Single(result.Evidence, e => e.Text == praise);
        Assert.Equal(ironic, closing.Weight < 0);
        Assert.Equal(ironic, (closing.Note ?? "").Contains("ironic", StringComparison.Ordinal));
        Assert.True(Assert.Single(agent.Evidence, e => e.Text == praise).Weight > 0, "only a customer's closing praise turns ironic");
        if (ironic)
        {
            Assert.Equal(-1, Math.Sign(result.Score));
        }
    }

    [Theory]
    [InlineData("I love it when my flight gets cancelled", "love it", true)]
    [InlineData("love how the agent hung up on me", "love", true)]
    [InlineData("i love how easy the new app is", "love", false)]
    [InlineData("I love that you fixed it so fast", "love", false)]
    [InlineData("I love the new app but it crashed once", "love", false)]
    public void Analyze_RulesAlone_LoveOfAComplaint_IsIronic(string text, string praise, bool ironic)
    {
        // "love how...", "love it when...": the love is of the clause that follows, ironic when that is a complaint.
        var rules = new BuiltInEngine(new BuiltInEngineOptions { UseLearnedModel = false });

        var cue = Assert.Single(rules.Analyze(text).Evidence, e => e.Text == praise);
        var agent = Assert.Single(rules.Analyze(text, SpeakerRole.Agent).Evidence, e => e.Text == praise);

        Assert.Equal(ironic, cue.Weight < 0);
        Assert.Equal(ironic, (cue.Note ?? "").Contains("ironic", StringComparison.Ordinal));
        Assert.True(agent.Weight > 0, "only a customer's love turns ironic");
    }

    [Fact]
    public void Analyze_RulesAlone_PraiseSaidTwiceAfterAComplaintInUnpunctuatedSpeech_IsIronicBothTimes()
    {
        // Speech-to-text without punctuation: the complaint's last word stands where the comma would, the
        // negation of "doesnt work" does not reach the praise, and the praise said again is as ironic.
        var rules = new BuiltInEngine(new BuiltInEngineOptions { UseLearnedModel = false });

        var result = rules.Analyze("i have to cancel on line but the web site doesnt work perfect just perfect");

        var praise = result.Evidence.Where(e => e.Text == "perfect").ToList();
        Assert.Equal(2, praise.Count);
        Assert.All(praise, p => Assert.Contains("ironic", p.Note ?? "", StringComparison.Ordinal));
        Assert.All(praise, p => Assert.True(p.Weight < 0));
        Assert.True(result.Score < -0.2, $"score {result.Score}");
    }

    [Fact]
    public void Analyze_RulesAlone_NegatedPhraseReachesOnlyCoordinatedWords()
    {
        // "No problems or complaints": the negator inside "no problems" reaches "complaints" through "or"; a
        // word that merely follows the phrase is not negated.
        var rules = new BuiltInEngine(new BuiltInEngineOptions { UseLearnedModel = false });

        var coordinated = Assert.Single(rules.Analyze("no problems or complaints").Evidence, e => e.Text == "complaints");
        var following = Assert.Single(rules.Analyze("it doesnt work perfect").Evidence, e => e.Text == "perfect");

        Assert.True(coordinated.Weight > 0);
        Assert.DoesNotContain("negated", following.Note ?? "", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wow thanks so much for the fourth transfer", "thanks so much", true)]
    [InlineData("great service guys five stars for making me wait ninety minutes", "five stars", true)]
    [InlineData("great service guys five stars for making me wait ninety minutes", "great", true)]
    [InlineData("thanks for your help, I was on hold for an hour before though", "thanks for your help", false)]
    [InlineData("thanks for sorting out the fourth transfer mess", "thanks", false)]
    [InlineData("thanks for the 'upgrade'", "thanks", true)]
    [InlineData("thank you for the \"quick\" reply, it took three weeks", "thank", true)]
    [InlineData("thanks, the 'upgrade' is slower", "thanks", false)]
    public void Analyze_RulesAlone_PraiseForAComplaint_IsIronic(string text, string praise, bool ironic)
    {
        // "Thanks for the fourth transfer": praise whose object is a service failure, or a word the customer
        // doubts in quotation marks ("thanks for the 'upgrade'"), is ironic, with the praise before it in
        // the sentence; praise for something else, or with other words between, is meant.
        var rules = new BuiltInEngine(new BuiltInEngineOptions { UseLearnedModel = false });

        var result = rules.Analyze(text);
        var agent = rules.Analyze(text, SpeakerRole.Agent);

        var cue = result.Evidence.First(e => e.Text == praise);
        Assert.Equal(ironic, cue.Weight < 0);
        Assert.Equal(ironic, (cue.Note ?? "").Contains("ironic", StringComparison.Ordinal));
        Assert.True(agent.Evidence.First(e => e.Text == praise).Weight > 0, "only a customer's praise turns ironic");
        if (ironic)
        {
            Assert.True(result.Score < -0.2, $"score {result.Score}");
        }
    }

    [Theory]
    [InlineData("thanks for the 'upgrade' that made everything slower", "upgrade", true)]
    [InlineData("The agent said \"you're all set\" and hung up.", "you're all set", true)]
    [InlineData("The agent said you're all set and hung up.", "you're all set", false)]
    [InlineData("\"Great\" service, they said.", "Great", true)]
    [InlineData("\"Thank you so much for your help with this, it means a lot to me\"", "Thank you so much", false)]
    public void Analyze_RulesAlone_PraiseInAShortQuotation_IsDoubted(string text, string praise, bool ironic)
    {
        // A customer's praise in quotation marks is someone else's word, doubted; a long quotation is not a scare quote.
        var rules = new BuiltInEngine(new BuiltInEngineOptions { UseLearnedModel = false });

        var cue = Assert.Single(rules.Analyze(text).Evidence, e => e.Text == praise);
        var agent = Assert.Single(rules.Analyze(text, SpeakerRole.Agent).Evidence, e => e.Text == praise);

        Assert.Equal(ironic, cue.Weight < 0);
        Assert.Equal(ironic, (cue.Note ?? "").Contains("ironic", StringComparison.Ordinal));
        Assert.True(agent.Weight > 0, "an agent quoting a button or a policy is not ironic");
    }

    [Theory]
    [InlineData("Haven't been this happy with my internet in years.", 1)]
    [InlineData("It hasn't been this bad in years.", -1)]
    [InlineData("It hasn't been so bad.", 1)]
    public void Analyze_RulesAlone_PerfectNegationWithThis_IsADegree(string text, int sign)
    {
        // "Haven't been this happy in years" is the happiest in years; "hasn't been so bad" stays a litotes.
        var rules = new BuiltInEngine(new BuiltInEngineOptions { UseLearnedModel = false });

        Assert.Equal(sign, Math.Sign(rules.Analyze(text).Score));
    }

    [Fact]
    public void Analyze_RulesAlone_AQuestionThatAsks_ComplainsLessThanOneThatProtests()
    {
        // "Is there a penalty...?" asks; "Why is there a penalty...?" protests.
        var rules = new BuiltInEngine(new BuiltInEngineOptions { UseLearnedModel = false });

        var asking = rules.Analyze("Is there a penalty for paying early?");
        var protesting = rules.Analyze("Why is there a penalty for paying early?");

        var penalty = Assert.Single(asking.Evidence, e => e.Text == "penalty");
        Assert.True(penalty.Weight < 0);
        Assert.True(Assert.Single(protesting.Evidence, e => e.Text == "penalty").Weight < penalty.Weight);
        Assert.True(asking.Score > protesting.Score);
    }

    [Theory]
    [InlineData("Ah, my fault, I typed the wrong email address.")]
    [InlineData("I typed the wrong address, my bad.")]
    public void Analyze_RulesAlone_ACustomersOwnMistake_IsNoComplaint(string text)
    {
        // Before or after "my bad", the sentence's problem is the customer's own doing.
        var rules = new BuiltInEngine(new BuiltInEngineOptions { UseLearnedModel = false });

        var own = rules.Analyze(text);
        var plain = rules.Analyze(text.Replace("my fault, ", "", StringComparison.Ordinal).Replace(", my bad", "", StringComparison.Ordinal));
        var agent = rules.Analyze(text, SpeakerRole.Agent);

        var wrong = Assert.Single(own.Evidence, e => e.Text.StartsWith("wrong", StringComparison.Ordinal));
        Assert.Contains("own mistake", wrong.Note ?? "", StringComparison.Ordinal);
        Assert.InRange(own.Score, plain.Score / 2, 0);
        Assert.True(agent.Score < own.Score, "an agent's 'my bad' does not excuse the customer's problems");
    }

    [Fact]
    public void Analyze_RulesAlone_AgentNamingYourFeeling_IsCourtesy()
    {
        var rules = new BuiltInEngine(new BuiltInEngineOptions { UseLearnedModel = false });

        var result = rules.Analyze("Your frustration is completely fair.", SpeakerRole.Agent);

        var feeling = Assert.Single(result.Evidence, e => e.Text == "frustration");
        Assert.Equal(EvidenceKind.Courtesy, feeling.Kind);
        Assert.True(result.Score >= 0);
    }

    [Theory]
    [InlineData("You're right to be frustrated.", "frustrated", true)]
    [InlineData("You must be so annoyed after all this.", "annoyed", true)]
    [InlineData("You're being rude, sir.", "rude", false)]
    public void Analyze_RulesAlone_AgentNamingTheCustomersFeeling_IsCourtesy_ButNotAnAccusation(string text, string feeling, bool courtesy)
    {
        var rules = new BuiltInEngine(new BuiltInEngineOptions { UseLearnedModel = false });

        var result = rules.Analyze(text, SpeakerRole.Agent);

        var cue = Assert.Single(result.Evidence, e => e.Text == feeling);
        Assert.Equal(courtesy, cue.Kind == EvidenceKind.Courtesy);
        Assert.Equal(courtesy, result.Score > -0.3);
    }

    [Theory]
    [InlineData("It never gets better.", -1)]
    [InlineData("It was never that good.", -1)]
    [InlineData("I never got this fixed.", -1)]
    public void Analyze_RulesAlone_NeverWithoutADegree_StillNegates(string text, int sign)
    {
        var rules = new BuiltInEngine(new BuiltInEngineOptions { UseLearnedModel = false });

        var result = rules.Analyze(text);

        Assert.Equal(sign, Math.Sign(result.Score));
    }

    [Theory]
    [InlineData("It could have been better.", -1)]
    [InlineData("A simple apology would've been nice.", -1)]
    [InlineData("It could have been worse.", 1)]
    [InlineData("The service was far from great.", -1)]
    [InlineData("The agent was anything but helpful.", -1)]
    [InlineData("It worked without any issues.", 1)]
    public void Analyze_RulesAlone_UnmetExpectationsAndNegatingPhrases(string text, int sign)
    {
        // "Could have been better" is a complaint, "far from great" and "anything but helpful" negate:
        // each read as praise before these were negators.
        var rules = new BuiltInEngine(new BuiltInEngineOptions { UseLearnedModel = false });

        var result = rules.Analyze(text);

        Assert.Equal(sign, Math.Sign(result.Score));
    }

    [Theory]
    [InlineData("I don't think it was great.", "don't think it was great")]
    [InlineData("I wouldn't say the service was great.", "wouldn't say the service was great")]
    [InlineData("I don't think the agent was very helpful.", "don't think the agent was very helpful")]
    public void Analyze_RulesAlone_NegationReachesPastThinkAndSay(string text, string negatedText)
    {
        // "Don't think", "wouldn't say": what is negated is what follows the verb.
        var rules = new BuiltInEngine(new BuiltInEngineOptions { UseLearnedModel = false });

        var result = rules.Analyze(text);

        var negated = Assert.Single(result.Evidence);
        Assert.Equal(negatedText, negated.Text);
        Assert.True(negated.Weight < 0);
        Assert.True(result.Score < 0);
    }

    [Fact]
    public void Analyze_RulesAlone_AgentEmpathyReframesTheFeelingNamedBeforeIt()
    {
        // "That's frustrating, I understand": the frustration is the customer's, named by the agent, as
        // when the empathy comes first ("I understand how frustrating that is").
        var rules = new BuiltInEngine(new BuiltInEngineOptions { UseLearnedModel = false });
        const string text = "That's so frustrating, I understand.";

        var agent = rules.Analyze(text, SpeakerRole.Agent);
        var customer = rules.Analyze(text, SpeakerRole.Customer);

        var named = Assert.Single(agent.Evidence, e => e.Text == "frustrating");
        var felt = Assert.Single(customer.Evidence, e => e.Text == "frustrating");
        Assert.True(named.Weight < 0 && named.Weight > felt.Weight * 0.2, $"{named.Weight} against {felt.Weight}");
        Assert.Contains("inside an apology", named.Note, StringComparison.Ordinal);
        Assert.Equal(SentimentLabel.Neutral, agent.Label);
        Assert.Equal(SentimentLabel.Negative, customer.Label);
    }

    [Theory]
    [InlineData("That must be so frustrating.")]
    [InlineData("I know that's frustrating, and I'm sorry.")]
    [InlineData("I'm afraid that option isn't available on your plan.")]
    [InlineData("I'm afraid the late fee can't be waived this time, as we removed one in March.")]
    [InlineData("I know this isn't the news you were hoping for, but I can offer a credit.")]
    public void Analyze_RulesAlone_AgentSofteningBadNews_IsNotNegative(string text)
    {
        // An agent's "I'm afraid", "that must be so frustrating" and "not the news you were hoping for"
        // soften news or name the customer's feeling: courtesy, where they read as the agent's own
        // anxiety and frustration before.
        var rules = new BuiltInEngine(new BuiltInEngineOptions { UseLearnedModel = false });

        var agent = rules.Analyze(text, SpeakerRole.Agent);

        Assert.True(agent.Score >= -0.2, $"{agent.Score}");
        Assert.Contains(agent.Evidence, e => e.Kind == EvidenceKind.Courtesy);
        Assert.DoesNotContain(agent.Evidence, e => e.Text == "afraid");
    }

    [Theory]
    [InlineData("Sorry, I clicked the wrong date, I meant the 21st not the 12th.", "wrong")]
    [InlineData("Sorry I missed your callback, I was in a meeting.", "missed")]
    [InlineData("Oh, sorry, I sent the wrong meter reading earlier.", "wrong")]
    public void Analyze_RulesAlone_CustomerApologizingForTheirOwnDoing_CountsTheProblemLess(string text, string problem)
    {
        // "Sorry, I clicked the wrong date" is the customer's own slip, as after "my bad"; the same
        // words with a "but" are a polite complaint and keep their weight.
        var rules = new BuiltInEngine(new BuiltInEngineOptions { UseLearnedModel = false });

        var apology = rules.Analyze(text);
        var complaint = rules.Analyze(text.TrimEnd('.') + ", but nobody told me.");

        var own = Assert.Single(apology.Evidence, e => e.Text.StartsWith(problem, StringComparison.Ordinal));
        var kept = Assert.Single(complaint.Evidence, e => e.Text.StartsWith(problem, StringComparison.Ordinal));
        var unapologetic = rules.Analyze(Regex.Replace(text, "[Ss]orry,? ", ""));
        var plain = Assert.Single(unapologetic.Evidence, e => e.Text.StartsWith(problem, StringComparison.Ordinal));
        Assert.Contains("own mistake", own.Note ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain("own mistake", kept.Note ?? "", StringComparison.Ordinal);
        Assert.True(own.Weight > plain.Weight * 0.5, $"{own.Weight} against {plain.Weight} without the apology");
    }

    [Theory]
    [InlineData("I really need this sorted today.")]
    [InlineData("I want it fixed, not another ticket number.")]
    public void Analyze_RulesAlone_NeedingItSorted_IsNoRelief(string text)
    {
        var rules = new BuiltInEngine(new BuiltInEngineOptions { UseLearnedModel = false });

        Assert.True(rules.Analyze(text).Score < 0);
    }

    [Theory]
    [InlineData("Honestly not what I was hoping for.")]
    [InlineData("That must be a mistake, I never ordered that.")]
    public void Analyze_RulesAlone_CustomersDisappointment_StaysNegative(string text)
    {
        var rules = new BuiltInEngine(new BuiltInEngineOptions { UseLearnedModel = false });

        Assert.True(rules.Analyze(text).Score < 0);
    }

    [Fact]
    public void Analyze_DurationStrengthensHold()
    {
        var brief = Engine.Analyze("I was on hold.");
        var long_ = Engine.Analyze("I was on hold for two hours.");

        Assert.True(long_.Score < brief.Score, $"{long_.Score} should be below {brief.Score}");
    }

    [Fact]
    public void Analyze_Emotions_ComeFromCuesThatKeptTheirSign()
    {
        var frustrated = Engine.Analyze("I'm so frustrated, this is ridiculous.");
        var notFrustrated = Engine.Analyze("I'm not frustrated at all.");

        Assert.True(frustrated.Emotions.ContainsKey(Emotion.Frustration) || frustrated.Emotions.ContainsKey(Emotion.Anger));
        Assert.False(notFrustrated.Emotions.ContainsKey(Emotion.Frustration));
    }

    [Fact]
    public void Analyze_AgentApology_IsEmpathyNotNegativity()
    {
        const string text = "I'm so sorry for the inconvenience.";
        var agent = Engine.Analyze(text, SpeakerRole.Agent);

        Assert.NotEqual(SentimentLabel.Negative, agent.Label);
        Assert.Contains(agent.Evidence, e => e.Kind == EvidenceKind.Courtesy);
        Assert.True(agent.Emotions.ContainsKey(Emotion.Empathy));
    }

    [Theory]
    [MemberData(nameof(GoldenCases))]
    public void Score_GoldenCase_LiesInTheBandOfItsLabel(string rule, string json)
    {
        // Negative < -20 <= Neutral <= +20 < Positive: a turn labeled neutral that read -31 made a plain
        // question-and-answer call average out negative.
        using var doc = JsonDocument.Parse(json);
        string text = doc.RootElement.GetProperty("text").GetString()!;
        var rules = new BuiltInEngine(new BuiltInEngineOptions { UseLearnedModel = false });
        foreach (var (engine, name) in new[] { (Engine, "learned"), (rules, "rules alone") })
        {
            // Repeated past 560 characters, the text is scored in segments and combined.
            string repeated = string.Join(" ", Enumerable.Repeat(text, 2 + (600 / (text.Length + 1))));
            foreach (var (role, input) in new[] { (SpeakerRole.Customer, text), (SpeakerRole.Agent, text), (SpeakerRole.Customer, repeated) })
            {
                var result = engine.Analyze(input, role);

                Assert.True(
                    Shifts.LabelOf(ScoreBands.ToHundred(result.Score)) == result.Label,
                    $"{rule}: '{input}' as {role} ({name}) scored {result.Score:F3} but is labeled {result.Label}");
            }
        }
    }

    [Fact]
    public void Summarize_AgreesWithAnalyze()
    {
        foreach (var text in new[] { "not bad at all", "THIS IS RIDICULOUS!!!", "Thanks, but no.", "", "   ", "#NAME# [redacted]" })
        {
            var summary = Engine.Summarize(text);
            var full = Engine.Analyze(text);
            Assert.Equal(full.Score, summary.Score);
            Assert.Equal(full.Label, summary.Label);
            Assert.Equal(full.Confidence, summary.Confidence);
        }
    }

    private const string LongEmail =
        "Hello, I am writing about order 5521 which I placed three weeks ago. The tracking page has said " +
        "'in transit' for twelve days and nobody has replied to my two earlier emails. I was told on the " +
        "phone that it would arrive last Friday, and it did not. This is really frustrating because it was " +
        "a birthday present. The agent I spoke to on Monday, Priya, was lovely and very helpful, and I do " +
        "appreciate her effort. But I still have no parcel, no refund and no answer. Please either send a " +
        "replacement by express delivery or refund me in full. I have been a customer for six years and " +
        "have never had a problem before, so I hope this can be sorted out quickly. Thank you.";

    [Fact]
    public void LongText_SummarizeAgreesWithAnalyze_AndEvidencePointsIntoTheWholeText()
    {
        // Texts over 560 characters are scored in segments; evidence offsets must still be offsets into
        // the whole text, not into the segment they came from.
        Assert.True(LongEmail.Length > 2 * BuiltInEngine.SegmentChars);
        foreach (var role in new[] { SpeakerRole.Customer, SpeakerRole.Agent })
        {
            var summary = Engine.Summarize(LongEmail, role);
            var full = Engine.Analyze(LongEmail, role);

            Assert.Equal(full.Score, summary.Score);
            Assert.Equal(full.Label, summary.Label);
            Assert.Equal(full.Confidence, summary.Confidence);
            Assert.Contains(full.Evidence, e => e.Start > BuiltInEngine.SegmentChars);
            Assert.All(full.Evidence, e => Assert.Equal(e.Text, LongEmail.Substring(e.Start, e.Length)));
        }

        Assert.Equal(SentimentLabel.Negative, Engine.Summarize(LongEmail).Label);
    }

    [Theory]
    [InlineData("The delivery was late. ", -1)]
    [InlineData("The delivery was a bit late. ", -1)]
    [InlineData("Thanks, that works. ", 1)]
    [InlineData("The advisor I spoke with was helpful. ", 1)]
    public void ManySentences_SayingTheSame_KeepItsSign(string sentence, int sign)
    {
        // The learned layer's small correction to each sentence's rule score used to add up sentence by
        // sentence while the rule features held their size: "The delivery was late." said four times
        // read positive. Word weights now count over the square root of the sentence count.
        foreach (int times in new[] { 1, 2, 4, 8, 40 })
        {
            var summary = Engine.Summarize(string.Concat(Enumerable.Repeat(sentence, times)));
            Assert.True(Math.Sign(summary.Score) == sign, $"'{sentence}' x{times} scored {summary.Score:F3} ({summary.Label})");
        }
    }

    [Fact]
    public void LearnedEvidence_InAMultiSentenceText_WeighsWhatTheWordCounted()
    {
        // Word weights count over the square root of the sentences; the evidence showed them unscaled,
        // so a long email listed "Hello", "I" and "and" as if each moved the score as much as alone.
        const string sentence = "I submitted the documents and was told someone would call.";
        var engine = BuiltInEngine.Default;
        var once = engine.Analyze(sentence).Evidence.Where(e => e.Kind == EvidenceKind.Learned).ToDictionary(e => e.Text, e => e.Weight);
        Assert.NotEmpty(once);

        var twice = engine.Analyze(sentence + " " + sentence).Evidence.Where(e => e.Kind == EvidenceKind.Learned).ToList();

        Assert.All(twice, e => Assert.Equal(once[e.Text] / Math.Sqrt(2), e.Weight, 0.01));
    }

    [Fact]
    public void LongText_PraiseThenComplaints_LandsBetweenThem()
    {
        string praise = string.Concat(Enumerable.Repeat("The engineer was brilliant and friendly. ", 8));
        string complaint = string.Concat(Enumerable.Repeat("The router still drops the connection every hour. ", 8));
        double positive = Engine.Summarize(praise).Score, negative = Engine.Summarize(complaint).Score;

        double both = Engine.Summarize(praise + complaint).Score;

        Assert.True(positive > 0.3 && negative < -0.3, $"praise {positive:F3}, complaint {negative:F3}");
        Assert.InRange(both, negative + 0.1, positive - 0.1);
    }

    [Fact]
    public void Score_EmptyOrMaskedText_IsNeutralZero()
    {
        Assert.Equal(0, Engine.Summarize("").Score);
        Assert.Equal(SentimentLabel.Neutral, Engine.Summarize("#NAME# *** [PII]").Label);
    }

    [Fact]
    public void Score_IsDeterministicAcrossThreads()
    {
        string[] texts = ["great job", "not happy", "on hold for an hour", "thanks, but it still doesn't work", "ok"];
        var expected = texts.Select(t => Engine.Summarize(t).Score).ToArray();
        var results = new double[200][];
        Parallel.For(0, results.Length, i => results[i] = texts.Select(t => Engine.Summarize(t).Score).ToArray());

        Assert.All(results, r => Assert.Equal(expected, r));
    }

    private static readonly string[] PleasantSentences =
    [
        "The technician arrived on time and explained everything clearly.",
        "I really appreciate how patient you were with my questions.",
        "The new router works great and the speed is much better now.",
        "Your colleague yesterday was friendly and helpful.",
        "Thanks for sorting out the billing so quickly.",
        "I am happy with the plan we picked together.",
        "The app update looks nice and is easy to use.",
        "Setting up the account online was simple.",
    ];

    [Fact]
    public void Score_VeryLongTurn_DoesNotDriftAndKeepsOffsets()
    {
        string text = string.Join(" ", Enumerable.Range(0, 120).Select(i => PleasantSentences[i % PleasantSentences.Length]))
            + " But I am still not happy about the late fee.";
        var result = Engine.Analyze(text);
        var summary = Engine.Summarize(text);

        // No drift: 120 sentences score about what the first eight do; length alone adds nothing.
        double firstEight = Engine.Summarize(string.Join(" ", PleasantSentences)).Score;
        Assert.True(Math.Abs(result.Score - firstEight) < 0.05, $"long turn {result.Score:F3} vs its first eight sentences {firstEight:F3}");
        Assert.Equal(SentimentLabel.Positive, result.Label);
        Assert.Equal(result.Score, summary.Score, 6);
        Assert.All(result.Evidence, e => Assert.Equal(e.Text, text.Substring(e.Start, e.Length)));
        Assert.Contains(result.Evidence, e => e.Start > text.Length - 60 && e.Weight < 0);
    }

    [Fact]
    public void Score_LongNeutralTurn_StaysNeutral()
    {
        string[] facts =
        [
            "My account number ends in 4417.",
            "The statement arrived on Monday.",
            "It lists the router rental and the line fee.",
            "I moved to the new address last month.",
            "I would like to confirm the due date.",
            "The card on file is a debit card.",
        ];
        string text = string.Join(" ", Enumerable.Range(0, 60).Select(i => facts[i % facts.Length]));

        Assert.Equal(SentimentLabel.Neutral, Engine.Summarize(text).Label);
    }

    [Fact]
    public void Method_NamesEngineVersionAndOptions()
    {
        var method = Engine.Method;
        var other = new BuiltInEngine(new BuiltInEngineOptions { LabelThreshold = 0.3 }).Method;

        Assert.Equal(BuiltInEngine.EngineName, method.Engine);
        Assert.StartsWith(BuiltInEngine.CodeVersion + "+lex.", method.Version, StringComparison.Ordinal);
        Assert.Equal(method.Version, other.Version);
        Assert.NotEqual(method.OptionsHash, other.OptionsHash);
    }
}
