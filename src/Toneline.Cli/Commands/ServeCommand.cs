using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Toneline.Cli.Storage;
using Toneline.Web.Hosting;

namespace Toneline.Cli.Commands;

/// <summary>The <c>serve</c> verb: the web app and REST API on a SQLite file or a PostgreSQL database.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var db = StorageOptions.Db();
        var urls = new Option<string>("--urls") { Description = "Where to listen; ';'-separated.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var llmEndpoint = new Option<string?>("--llm-endpoint")
        {
            Description = "OpenAI-compatible API base for the Prompts page, e.g. http://localhost:11434/v1 (default: $TONELINE_LLM_ENDPOINT).",
        };
        var llmModel = new Option<string?>("--llm-model") { Description = "Model or deployment name for the Prompts page (default: $TONELINE_LLM_MODEL)." };
        var llmKeyEnv = new Option<string>("--llm-api-key-env") { Description = "Environment variable that holds the LLM API key.", DefaultValueFactory = _ => "OPENAI_API_KEY" };
        var prompts = new Option<string?>("--prompts") { Description = "Prompt store folder (default: prompts/ beside the SQLite file)." };
        var command = new Command("serve", "Start the web app and REST API (dashboard, conversations, search, heatmap, reports, prompts).")
        {
            db, urls, llmEndpoint, llmModel, llmKeyEnv, prompts,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var endpointText = parse.GetValue(llmEndpoint) ?? Environment.GetEnvironmentVariable("TONELINE_LLM_ENDPOINT");
            Uri? endpoint = null;
            if (!string.IsNullOrWhiteSpace(endpointText)
                && (!Uri.TryCreate(endpointText, UriKind.Absolute, out endpoint) || endpoint.Scheme is not ("http" or "https")))
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"--llm-endpoint must be an absolute http(s) URL such as http://localhost:11434/v1, got '{endpointText}'.").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var options = new TonelineWebOptions
            {
                Db = parse.GetValue(db)!,
                Urls = parse.GetValue(urls)!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                AdminPassword = Environment.GetEnvironmentVariable("TONELINE_ADMIN_PASSWORD"),
                LlmEndpoint = endpoint,
                LlmModel = parse.GetValue(llmModel) ?? Environment.GetEnvironmentVariable("TONELINE_LLM_MODEL"),
                LlmApiKeyEnv = parse.GetValue(llmKeyEnv)!,
                PromptsDirectory = parse.GetValue(prompts),
            };
            var host = await TonelineWebApp.BuildAsync(options, cancellationToken).ConfigureAwait(false);
            await using var app = host.App;
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            if (host.GeneratedAdminPassword is { } password)
            {
                output.WriteLine($"Created the first user: admin / {password}  (shown once; set TONELINE_ADMIN_PASSWORD to choose it)");
            }

            foreach (var url in app.Urls)
            {
                output.WriteLine($"Toneline is running at {url}/  (Ctrl+C to stop)");
            }

            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}
