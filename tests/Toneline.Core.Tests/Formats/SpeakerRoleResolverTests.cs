using Toneline.Core.Conversations;
using Toneline.Core.Formats;

namespace Toneline.Core.Tests.Formats;

public sealed class SpeakerRoleResolverTests
{
    private static RawTurn Turn(string? label, string text, SpeakerRole? role = null, int? number = null) =>
        new() { Label = label, Text = text, InputRole = role, Number = number };

    [Fact]
    public void Resolve_ServicePhrases_PickTheAgentEvenWhenCustomerSpeaksFirst()
    {
        RawTurn[] turns =
        [
            Turn("A", "Hello? Is this billing?"),
            Turn("B", "Yes, thank you for calling. My name is Alex and I'll be helping you today."),
            Turn("A", "My bill doubled."),
            Turn("B", "Let me check. For security, can I have your account number?"),
        ];

        var (roles, source) = SpeakerRoleResolver.Resolve(turns, new ReadOptions(), null);

        Assert.Equal(RoleSource.Heuristic, source);
        Assert.Equal([SpeakerRole.Customer, SpeakerRole.Agent, SpeakerRole.Customer, SpeakerRole.Agent], roles);
    }

    [Fact]
    public void Resolve_ThirdSpeaker_IsOther()
    {
        RawTurn[] turns =
        [
            Turn("spk_0", "Thanks for calling, how may I help?"),
            Turn("spk_1", "I want to cancel."),
            Turn("spk_2", "Hi, this is retention."),
        ];

        var (roles, _) = SpeakerRoleResolver.Resolve(turns, new ReadOptions(), null);

        Assert.Equal([SpeakerRole.Agent, SpeakerRole.Customer, SpeakerRole.Other], roles);
    }

    [Fact]
    public void Resolve_AgentChannelMatchesLetterLabels()
    {
        RawTurn[] turns = [Turn("A", "Is there anything else I can help with?"), Turn("B", "No thanks")];

        var (roles, source) = SpeakerRoleResolver.Resolve(turns, new ReadOptions { AgentChannel = 1 }, null);

        Assert.Equal(RoleSource.Mapping, source);
        Assert.Equal([SpeakerRole.Customer, SpeakerRole.Agent], roles);
    }

    [Fact]
    public void Resolve_MappingThatMatchesNobody_FallsBackToInput()
    {
        RawTurn[] turns = [Turn("Agent", "Hi", SpeakerRole.Agent), Turn("Customer", "Hello", SpeakerRole.Customer)];

        var (roles, source) = SpeakerRoleResolver.Resolve(turns, new ReadOptions { AgentName = "Nobody" }, null);

        Assert.Equal(RoleSource.Input, source);
        Assert.Equal([SpeakerRole.Agent, SpeakerRole.Customer], roles);
    }

    [Fact]
    public void Resolve_MappingOverridesInputRoles()
    {
        RawTurn[] turns = [Turn("Dana", "Hi", SpeakerRole.Customer), Turn("Lee", "Hello", SpeakerRole.Agent)];

        var (roles, source) = SpeakerRoleResolver.Resolve(turns, new ReadOptions { AgentName = "DANA" }, null);

        Assert.Equal(RoleSource.Mapping, source);
        Assert.Equal([SpeakerRole.Agent, SpeakerRole.Customer], roles);
    }

    [Fact]
    public void Resolve_ConversationAgentName_IsInputAndOthersFollowByElimination()
    {
        RawTurn[] turns = [Turn("Sam", "hi"), Turn("Dana", "hello"), Turn("Sam", "bye")];

        var (roles, source) = SpeakerRoleResolver.Resolve(turns, new ReadOptions(), new Agent("a-1", "Dana"));

        Assert.Equal(RoleSource.Input, source);
        Assert.Equal([SpeakerRole.Customer, SpeakerRole.Agent, SpeakerRole.Customer], roles);
    }

    [Fact]
    public void Resolve_LoneSpeakerWithoutServicePhrases_IsCustomer()
    {
        var (roles, _) = SpeakerRoleResolver.Resolve([Turn("Sam", "The app keeps crashing.")], new ReadOptions(), null);

        Assert.Equal([SpeakerRole.Customer], roles);
    }

    [Theory]
    [InlineData("Thank you for calling Contoso.", 1)]
    [InlineData("How can I help you today? Have a great day!", 2)]
    [InlineData("My name is Priya and I'll sort this out.", 1)]
    [InlineData("Is there anything else I can do?", 1)]
    [InlineData("I hate this company.", 0)]
    public void CountServicePhrases_FindsAgentPhrases(string text, int expected) =>
        Assert.Equal(expected, SpeakerRoleResolver.CountServicePhrases(text));

    [Theory]
    [InlineData("spk_0", 0)]
    [InlineData("Speaker 2", 2)]
    [InlineData("B", 1)]
    [InlineData("Dana", null)]
    public void LabelNumber_ReadsSpeakerNumbers(string label, int? expected) =>
        Assert.Equal(expected, SpeakerRoleResolver.LabelNumber(label));
}
