using Toneline.Core.Conversations;
using Toneline.Core.Scoring.BuiltIn;

namespace Toneline.Core.Tests.Scoring;

public sealed class AgentFeatureSinkTests
{
    [Fact]
    public void Add_PassesEachFeatureOnWithAnAgentsCopyOfIt()
    {
        var sink = new AgentFeatureSink<Collecting> { Inner = new Collecting(true) };

        sink.Add(42, 3, 7);
        sink.AddWhen(true, 43, 8, 9);
        sink.AddWhen(false, 44, 10, 11);

        Assert.True(sink.Enabled);
        Assert.Equal(4, sink.Inner.Features.Count);
        Assert.Equal((42UL, 3, 7), sink.Inner.Features[0]);
        Assert.NotEqual(42UL, sink.Inner.Features[1].Feature);
        Assert.Equal((3, 7), (sink.Inner.Features[1].Start, sink.Inner.Features[1].End));
        Assert.Equal(43UL, sink.Inner.Features[2].Feature);
        Assert.NotEqual(sink.Inner.Features[1].Feature, sink.Inner.Features[3].Feature);
    }

    [Fact]
    public void Score_AnAgentsText_EmitsTwiceTheFeaturesOfTheSameTextFromACustomer()
    {
        // The copies come only with an agent's walk; a customer's walk emits the features alone.
        var rules = new RuleScorer(LexiconLoader.LoadEmbedded());
        var cues = new NoCueSink();
        var customer = new Collecting(true);
        var agent = new Collecting(true);

        rules.Score("We can't change the address once it's with the courier.", SpeakerRole.Customer, ref cues, ref customer);
        rules.Score("We can't change the address once it's with the courier.", SpeakerRole.Agent, ref cues, ref agent);

        Assert.NotEmpty(customer.Features);
        Assert.Equal(2 * customer.Features.Count, agent.Features.Count);
        Assert.Equal(customer.Features.Select(f => f.Feature), agent.Features.Where((_, i) => i % 2 == 0).Select(f => f.Feature));
    }

    private struct Collecting(bool enabled) : IFeatureSink
    {
        public List<(ulong Feature, int Start, int End)> Features { get; } = [];

        public readonly bool Enabled => enabled;

        public readonly void Add(ulong feature, int start, int end) => Features.Add((feature, start, end));

        public readonly void AddWhen(bool wanted, ulong feature, int start, int end)
        {
            if (wanted)
            {
                Features.Add((feature, start, end));
            }
        }
    }
}
