using Toneline.Core.Conversations;

namespace Toneline.Core.Formats;

/// <summary>What every reader needs: the source name for errors, the stem for fallback ids, and the options.</summary>
/// <param name="Source">The file name as given, or <c>-</c> for standard input; errors name it.</param>
/// <param name="IdStem">The file name without extension (<c>stdin</c> for <c>-</c>): the id of a conversation that has none.</param>
/// <param name="Options">The caller's options.</param>
internal sealed record ReadContext(string Source, string IdStem, ReadOptions Options)
{
    public ConversationDraft NewDraft(int? line) => new(Source, line);

    /// <summary>The id for a conversation without one: the stem, plus the 1-based index in multi-conversation files.</summary>
    public string FallbackId(int? index) => index is { } i ? $"{IdStem}-{i}" : IdStem;

    /// <summary>Builds the draft, turning a <see cref="ReadErrorException"/> into a failure.</summary>
    public ReadResult Build(ConversationDraft draft, int? index, Channel formatChannel)
    {
        try
        {
            return ReadResult.Success(draft.Build(Options, FallbackId(index), formatChannel));
        }
        catch (ReadErrorException ex)
        {
            return ReadResult.Failure(ex.Error);
        }
    }

    public ReadResult Fail(int? line, string? field, string message) => ReadResult.Failure(new ReadError(Source, line, field, message));
}
