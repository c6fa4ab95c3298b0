using Toneline.Core.Conversations;
using Toneline.Core.Formats;

namespace Toneline.Core.Tests.Formats;

public sealed class SamplesTests
{
    [Fact]
    public void ReadFile_EverySample_ReadsWithoutErrors()
    {
        var samples = FindSamples();
        if (samples is null)
        {
            // Running outside the repository (a copied test output): there is nothing to check.
            return;
        }

        var files = Directory.EnumerateFiles(samples).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).ToList();
        Assert.True(files.Count >= 10, $"expected at least 10 sample files in {samples}");
        foreach (var file in files)
        {
            var results = ConversationReader.ReadFile(file).ToList();
            Assert.NotEmpty(results);
            foreach (var result in results)
            {
                Assert.True(result.Error is null, result.Error?.ToString());
                var conversation = result.Conversation!;
                Assert.InRange(conversation.Turns.Count, 10, 40);
                Assert.Contains(conversation.Turns, t => t.Role == SpeakerRole.Agent);
                Assert.Contains(conversation.Turns, t => t.Role == SpeakerRole.Customer);
                Assert.All(
                    conversation.Turns.Where(t => t.Text.Contains("anything else I can", StringComparison.Ordinal)),
                    t => Assert.Equal(SpeakerRole.Agent, t.Role));
            }
        }
    }

    private static string? FindSamples()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Toneline.slnx")))
            {
                var samples = Path.Combine(directory.FullName, "samples");
                return Directory.Exists(samples) ? samples : null;
            }
        }

        return null;
    }
}
