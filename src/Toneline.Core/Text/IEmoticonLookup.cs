namespace Toneline.Core.Text;

/// <summary>Tells the tokenizer which short punctuation runs are emoticons (":)", "&lt;3").</summary>
internal interface IEmoticonLookup
{
    /// <summary>The longest emoticon in characters; 0 disables emoticon recognition.</summary>
    int MaxEmoticonLength { get; }

    /// <summary>Whether some emoticon starts with this character: a cheap test before hashing candidates.</summary>
    bool MayStartEmoticon(char c);

    /// <summary>Whether the lower-cased hash names an emoticon.</summary>
    bool IsEmoticon(ulong hash);
}
