using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Toneline.Core.Conversations;

namespace Toneline.Storage.Ingestion;

/// <summary>A fingerprint of everything stored about a conversation, to skip unchanged re-imports.</summary>
internal static class ContentHash
{
    public static string Of(Conversation conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var text = new StringBuilder(1024);
        void Field(object? value) =>
            text.Append(Convert.ToString(value, CultureInfo.InvariantCulture)).Append('\u001f');

        Field(conversation.Id);
        Field(conversation.Channel);
        Field(conversation.Direction);
        Field(conversation.StartTime?.ToString("O", CultureInfo.InvariantCulture));
        Field(conversation.DurationSeconds?.ToString("R", CultureInfo.InvariantCulture));
        Field(conversation.Agent?.Id);
        Field(conversation.Agent?.Name);
        Field(conversation.Group);
        Field(conversation.CustomerId);
        Field(string.Join('\u001e', conversation.Topics));
        Field(conversation.Language);
        Field(conversation.RoleSource);
        foreach (var (key, value) in conversation.CustomFields.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Field(key);
            Field(value);
        }

        foreach (var turn in conversation.Turns)
        {
            Field(turn.Role);
            Field(turn.SpeakerName);
            Field(turn.Text);
            Field(turn.Start?.ToString("R", CultureInfo.InvariantCulture));
            Field(turn.End?.ToString("R", CultureInfo.InvariantCulture));
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
