using System.Text.Json;

namespace Toneline.Llm.Prompts;

/// <summary>Prompt versions and who activated which, kept in <c>prompts.json</c> in a folder.</summary>
/// <remarks>
/// A store with no file starts with version 1, the default definitions, active. Versions are never
/// edited in place: editing saves a new version, so every stored score can name the exact text that
/// produced it. Writes replace the file atomically; one writer at a time is assumed (the CLI).
/// </remarks>
public sealed class PromptStore
{
    /// <summary>The file name inside the store's folder.</summary>
    public const string FileName = "prompts.json";

    private const string DefaultAuthor = "toneline";

    private readonly string _path;
    private readonly TimeProvider _timeProvider;

    /// <summary>Opens (or prepares to create) the store in <paramref name="directory"/>.</summary>
    public PromptStore(string directory, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = directory;
        _path = Path.Combine(directory, FileName);
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The folder that holds <c>prompts.json</c>.</summary>
    public string Directory { get; }

    /// <summary>The default folder: <c>~/.toneline/prompts</c>.</summary>
    public static string DefaultDirectory =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".toneline", "prompts");

    /// <summary>All versions, oldest first.</summary>
    public IReadOnlyList<PromptVersion> List() => Load().Versions;

    /// <summary>The activation history, oldest first.</summary>
    public IReadOnlyList<PromptActivation> Activations() => Load().Activations;

    /// <summary>One version, or <c>null</c> when there is none with that number.</summary>
    public PromptVersion? Get(int version) => Load().Versions.Find(v => v.Version == version);

    /// <summary>The active version: the one activated last.</summary>
    public PromptVersion Active()
    {
        var data = Load();
        var version = data.Activations[^1].Version;
        return data.Versions.Find(v => v.Version == version)
            ?? throw new InvalidDataException($"{_path}: the active version {version} is not among the stored versions; fix or delete the file.");
    }

    /// <summary>The latest activation record.</summary>
    public PromptActivation ActiveSince() => Load().Activations[^1];

    /// <summary>Saves new definitions as the next version, without activating it.</summary>
    public PromptVersion Create(PromptDefinitions definitions, string createdBy, string note = "")
    {
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentException.ThrowIfNullOrWhiteSpace(definitions.Positive);
        ArgumentException.ThrowIfNullOrWhiteSpace(definitions.Negative);
        ArgumentException.ThrowIfNullOrWhiteSpace(createdBy);
        var data = Load();
        var created = new PromptVersion(data.Versions[^1].Version + 1, definitions, _timeProvider.GetUtcNow(), createdBy, note);
        data.Versions.Add(created);
        Save(data);
        return created;
    }

    /// <summary>Makes a version the active one, recording who and when.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No version has that number.</exception>
    public PromptActivation Activate(int version, string activatedBy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(activatedBy);
        var data = Load();
        if (!data.Versions.Exists(v => v.Version == version))
        {
            throw new ArgumentOutOfRangeException(nameof(version), version,
                $"There is no prompt version {version} in {_path}; list them with 'toneline llm prompt list'.");
        }

        var activation = new PromptActivation(version, _timeProvider.GetUtcNow(), activatedBy);
        data.Activations.Add(activation);
        Save(data);
        return activation;
    }

    private PromptStoreData Load()
    {
        if (!File.Exists(_path))
        {
            var now = _timeProvider.GetUtcNow();
            return new PromptStoreData(
                [new PromptVersion(1, PromptDefinitions.Default, now, DefaultAuthor, "Toneline's default definitions.")],
                [new PromptActivation(1, now, DefaultAuthor)]);
        }

        PromptStoreData? data;
        try
        {
            using var stream = File.OpenRead(_path);
            data = JsonSerializer.Deserialize(stream, PromptStoreJsonContext.Default.PromptStoreData);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{_path}: not a valid prompt store ({ex.Message}); fix or delete the file.", ex);
        }

        if (data is null || data.Versions is not { Count: > 0 } || data.Activations is not { Count: > 0 })
        {
            throw new InvalidDataException($"{_path}: a prompt store needs at least one version and one activation; fix or delete the file.");
        }

        return data;
    }

    private void Save(PromptStoreData data)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var temporary = _path + ".tmp";
        using (var stream = File.Create(temporary))
        {
            JsonSerializer.Serialize(stream, data, PromptStoreJsonContext.Default.PromptStoreData);
        }

        File.Move(temporary, _path, overwrite: true);
    }
}
