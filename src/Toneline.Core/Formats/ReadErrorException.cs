namespace Toneline.Core.Formats;

/// <summary>Stops reading one conversation; <see cref="ConversationReader"/> turns it into a failed <see cref="ReadResult"/>.</summary>
internal sealed class ReadErrorException : Exception
{
    public ReadErrorException(ReadError error)
        : base(error.ToString()) => Error = error;

    public ReadError Error { get; }
}
