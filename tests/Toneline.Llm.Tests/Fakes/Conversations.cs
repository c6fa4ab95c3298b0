using Toneline.Core.Conversations;

namespace Toneline.Llm.Tests.Fakes;

/// <summary>Small conversations for tests.</summary>
internal static class Conversations
{
    public static Conversation Billing(string id = "c1") => new(id,
    [
        new Turn(SpeakerRole.Agent, "Thank you for calling, how can I help?"),
        new Turn(SpeakerRole.Customer, "My bill is wrong   AGAIN and I am really annoyed."),
        new Turn(SpeakerRole.Agent, "I'm sorry about that, I have corrected the charge."),
        new Turn(SpeakerRole.Customer, "Great, thank you so much for fixing it!"),
    ]);

    public static Conversation Long(int turns, string id = "long")
    {
        var list = new List<Turn>(turns);
        for (var i = 0; i < turns; i++)
        {
            list.Add(new Turn(i % 2 == 0 ? SpeakerRole.Agent : SpeakerRole.Customer, $"Turn number {i} says something about the account and the order status."));
        }

        return new Conversation(id, list);
    }
}
