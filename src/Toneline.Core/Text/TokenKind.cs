namespace Toneline.Core.Text;

/// <summary>What a token is.</summary>
internal enum TokenKind : byte
{
    Word,
    Number,
    Emoji,
    Emoticon,
    Masked,
    Mention,
    Url,
    Punctuation,

    /// <summary>A quotation mark: double quotes, or a single quote at a word's edge ("the 'free' upgrade").</summary>
    Quote,
}
