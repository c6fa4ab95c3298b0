using Toneline.Core.Conversations;

namespace Toneline.Core.Formats;

/// <summary>One conversation read from a source, or the error that prevented it.</summary>
/// <remarks>Exactly one of <see cref="Conversation"/> and <see cref="Error"/> is set.</remarks>
public sealed record ReadResult
{
    private ReadResult(Conversation? conversation, ReadError? error)
    {
        Conversation = conversation;
        Error = error;
    }

    /// <summary>The conversation, when it was read.</summary>
    public Conversation? Conversation { get; }

    /// <summary>The error, when it was not.</summary>
    public ReadError? Error { get; }

    /// <summary>A successfully read conversation.</summary>
    public static ReadResult Success(Conversation conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return new ReadResult(conversation, null);
    }

    /// <summary>A conversation that could not be read.</summary>
    public static ReadResult Failure(ReadError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new ReadResult(null, error);
    }
}
