using Toneline.Llm.Prompts;
using Toneline.Llm.Tests.Fakes;

namespace Toneline.Llm.Tests.Prompts;

public sealed class PromptStoreTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "toneline-prompts-" + Guid.NewGuid().ToString("N"));
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void Active_EmptyStore_IsVersionOneWithTheDefaultDefinitions()
    {
        var store = new PromptStore(_directory, _clock);

        var active = store.Active();

        Assert.Equal(1, active.Version);
        Assert.Equal(PromptDefinitions.Default, active.Definitions);
        Assert.Contains("all of their questions were answered", active.Text, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_directory, PromptStore.FileName)));
    }

    [Fact]
    public void Create_SavesTheNextVersionWithoutActivatingIt()
    {
        var store = new PromptStore(_directory, _clock);

        var created = store.Create(PromptDefinitions.Default with { Positive = "The customer thanked the agent." }, "dana", "stricter");

        Assert.Equal(2, created.Version);
        Assert.Equal("dana", created.CreatedBy);
        Assert.Equal(_clock.Now, created.CreatedAt);
        Assert.Equal(1, store.Active().Version);
        Assert.Equal([1, 2], new PromptStore(_directory).List().Select(v => v.Version));
    }

    [Fact]
    public void Activate_RecordsWhoAndWhen()
    {
        var store = new PromptStore(_directory, _clock);
        store.Create(PromptDefinitions.Default with { Negative = "The customer threatened to leave." }, "dana");
        _clock.Now = _clock.Now.AddHours(2);

        store.Activate(2, "lee");

        var reopened = new PromptStore(_directory);
        Assert.Equal(2, reopened.Active().Version);
        Assert.Equal(new PromptActivation(2, _clock.Now, "lee"), reopened.ActiveSince());
        Assert.Equal([1, 2], reopened.Activations().Select(a => a.Version));
    }

    [Fact]
    public void Activate_UnknownVersion_SaysHowToListThem()
    {
        var store = new PromptStore(_directory, _clock);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => store.Activate(7, "lee"));

        Assert.Contains("toneline llm prompt list", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Method_DiffersBetweenVersionsAndNamesModelAndVersion()
    {
        var options = TestOptions.For(new Uri("http://127.0.0.1:1/v1"));
        var one = PromptBuilder.Method(TestOptions.Prompt(1), options);
        var two = PromptBuilder.Method(TestOptions.Prompt(2, PromptDefinitions.Default with { Guidance = "Refunds are good news." }), options);

        Assert.Equal("stub-model@p1", one.Version);
        Assert.Equal("llm", one.Engine);
        Assert.NotEqual(one.OptionsHash, two.OptionsHash);
        Assert.NotEqual(one.OptionsHash, PromptBuilder.Method(TestOptions.Prompt(1), options with { Temperature = 0.7f }).OptionsHash);
    }
}
