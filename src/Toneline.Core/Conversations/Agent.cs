namespace Toneline.Core.Conversations;

/// <summary>The agent who handled a conversation.</summary>
/// <param name="Id">A stable identifier from the contact-center platform.</param>
/// <param name="Name">The display name, when known.</param>
public sealed record Agent(string Id, string? Name = null);
