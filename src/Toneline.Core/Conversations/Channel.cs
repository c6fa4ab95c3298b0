namespace Toneline.Core.Conversations;

/// <summary>The medium a conversation happened on.</summary>
public enum Channel
{
    /// <summary>A voice call, usually a transcript from speech-to-text.</summary>
    Call,

    /// <summary>A live or asynchronous chat.</summary>
    Chat,

    /// <summary>An email thread.</summary>
    Email,

    /// <summary>A survey free-text answer.</summary>
    Survey,

    /// <summary>A social-media thread.</summary>
    Social,
}
