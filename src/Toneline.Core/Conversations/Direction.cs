namespace Toneline.Core.Conversations;

/// <summary>Who started the conversation.</summary>
public enum Direction
{
    /// <summary>Not known from the input.</summary>
    Unknown,

    /// <summary>The customer contacted the center.</summary>
    Inbound,

    /// <summary>The center contacted the customer.</summary>
    Outbound,

    /// <summary>Between two people of the center.</summary>
    Internal,
}
