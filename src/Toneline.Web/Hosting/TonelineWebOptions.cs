namespace Toneline.Web.Hosting;

/// <summary>How the web app is started: which database, where it listens, and its limits.</summary>
internal sealed class TonelineWebOptions
{
    /// <summary>A SQLite file path or a PostgreSQL connection string.</summary>
    public string Db { get; set; } = "toneline.db";

    public IReadOnlyList<string> Urls { get; set; } = ["http://127.0.0.1:5080"];

    /// <summary>The largest ingest body; larger ones get 413 with a message saying how to split them.</summary>
    public long MaxBodyBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>The first admin's password; when null and no user exists, one is generated and returned once.</summary>
    public string? AdminPassword { get; set; }

    /// <summary>The OpenAI-compatible API base the Prompts page runs drafts against; without it the page explains how to set one.</summary>
    public Uri? LlmEndpoint { get; set; }

    /// <summary>The model (or Azure deployment) name.</summary>
    public string? LlmModel { get; set; }

    /// <summary>The environment variable holding the API key; keys never go on the command line.</summary>
    public string LlmApiKeyEnv { get; set; } = "OPENAI_API_KEY";

    /// <summary>The prompt store folder; <c>prompts/</c> beside the SQLite file when null (the CLI's default for PostgreSQL).</summary>
    public string? PromptsDirectory { get; set; }

    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>Log level for the console; the CLI keeps it at warnings.</summary>
    public LogLevel MinimumLogLevel { get; set; } = LogLevel.Warning;
}
