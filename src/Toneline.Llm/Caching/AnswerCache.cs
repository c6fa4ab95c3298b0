using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Toneline.Core.Conversations;
using Toneline.Core.Scoring;
using Toneline.Llm.Answers;

namespace Toneline.Llm.Caching;

/// <summary>Validated answers by SHA-256 of transcript, prompt version and model, in memory and optionally on disk.</summary>
/// <remarks>
/// The key covers the turns' roles and text and the scoring method (model, prompt version and the hash
/// of prompt text and options), so editing the prompt or switching models never reuses an answer.
/// Only validated answers are cached; fallbacks are not, so a later run tries the model again.
/// On disk each answer is one <c>&lt;key&gt;.json</c> file; an unreadable file is treated as a miss.
/// </remarks>
internal sealed class AnswerCache
{
    private readonly ConcurrentDictionary<string, LlmAnswer> _memory = new(StringComparer.Ordinal);
    private readonly string? _directory;

    public AnswerCache(string? directory) => _directory = directory;

    public static string KeyOf(Conversation conversation, ScoringMethod method)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(method);
        var text = new StringBuilder();
        text.Append(method.ToString()).Append('\n');
        foreach (var turn in conversation.Turns)
        {
            text.Append(turn.Role.ToString()).Append('\u001f').Append(turn.Text).Append('\u001e');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    public bool TryGet(string key, out LlmAnswer answer)
    {
        if (_memory.TryGetValue(key, out answer!))
        {
            return true;
        }

        if (_directory is null)
        {
            return false;
        }

        var path = Path.Combine(_directory, key + ".json");
        try
        {
            if (!File.Exists(path))
            {
                return false;
            }

            var loaded = JsonSerializer.Deserialize(File.ReadAllText(path), CacheJsonContext.Default.LlmAnswer);
            if (loaded is null)
            {
                return false;
            }

            answer = _memory.GetOrAdd(key, loaded);
            return true;
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public void Add(string key, LlmAnswer answer)
    {
        _memory[key] = answer;
        if (_directory is null)
        {
            return;
        }

        Directory.CreateDirectory(_directory);
        var path = Path.Combine(_directory, key + ".json");
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(answer, CacheJsonContext.Default.LlmAnswer));
        File.Move(temporary, path, overwrite: true);
    }
}
