using System.Globalization;
using Toneline.Storage.Database;

namespace Toneline.Storage.Tests.Ingestion;

public sealed class ScoreDetailsTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Get_ScoreSavedBeforeDetails_ReadsItsTurnScoresHighlightsAndEmotionsFromRows(string provider)
    {
        var database = await TestDatabases.OpenAsync(provider);
        var id = TestData.Unique("legacy");
        await TestData.SaveAsync(database, TestData.Conversation(id, TestData.Unique("g"), "This was awful, but the fix is great."));
        var saved = Assert.Single((await database.Store.GetAsync(id))!.Scores);

        // Rewrite the score as migrations 0001 to 0003 stored it: rows in three tables, no details.
        await using (var connection = await database.Dialect.OpenAsync(CancellationToken.None))
        {
            var keys = await connection.QueryAsync(
                null, "SELECT c.conv_key, c.current_method_id FROM conversations c WHERE c.id = @id", [("@id", id)], r => (r.GetInt64Any(0), r.GetInt64Any(1)), CancellationToken.None);
            var (key, method) = Assert.Single(keys);
            await connection.ExecuteAsync(null, "UPDATE scores SET details = NULL WHERE conv_key = @k", CancellationToken.None, ("@k", key));
            foreach (var turn in saved.Turns)
            {
                await connection.ExecuteAsync(
                    null,
                    "INSERT INTO turn_scores (conv_key, method_id, turn_index, role, score, label, confidence) VALUES (@k, @m, @t, @r, @s, @l, @c)",
                    CancellationToken.None,
                    ("@k", key), ("@m", method), ("@t", turn.TurnIndex), ("@r", (int)turn.Role), ("@s", turn.Score), ("@l", (int)turn.Label), ("@c", turn.Confidence));
            }

            for (var h = 0; h < saved.Highlights.Count; h++)
            {
                var highlight = saved.Highlights[h];
                await connection.ExecuteAsync(
                    null,
                    "INSERT INTO highlights (conv_key, method_id, ordinal, turn_index, start, length, text, phrase, weight, kind, emotion) " +
                    "VALUES (@k, @m, @o, @t, @s, @n, @x, @p, @w, @d, @e)",
                    CancellationToken.None,
                    ("@k", key), ("@m", method), ("@o", h), ("@t", highlight.TurnIndex), ("@s", highlight.Start), ("@n", highlight.Length), ("@x", highlight.Text),
                    ("@p", highlight.Text.ToLower(CultureInfo.InvariantCulture)), ("@w", highlight.Weight), ("@d", (int)highlight.Kind), ("@e", (int?)highlight.Emotion));
            }

            foreach (var (emotion, intensity) in saved.CustomerEmotions)
            {
                await connection.ExecuteAsync(
                    null,
                    "INSERT INTO emotions (conv_key, method_id, emotion, intensity) VALUES (@k, @m, @e, @i)",
                    CancellationToken.None,
                    ("@k", key), ("@m", method), ("@e", (int)emotion), ("@i", intensity));
            }
        }

        var legacy = Assert.Single((await database.Store.GetAsync(id))!.Scores);

        Assert.NotEmpty(saved.Highlights);
        Assert.Equal(saved.Turns, legacy.Turns);
        Assert.Equal(saved.Highlights, legacy.Highlights);
        Assert.Equal(saved.CustomerEmotions.OrderBy(e => e.Key), legacy.CustomerEmotions.OrderBy(e => e.Key));
    }
}
