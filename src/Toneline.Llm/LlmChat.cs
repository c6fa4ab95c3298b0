using System.ClientModel;
using System.ClientModel.Primitives;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using OpenAI;
using OpenAI.Chat;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using Toneline.Llm.Prompts;

namespace Toneline.Llm;

/// <summary>Sends chat completions through the OpenAI client with Polly retries and per-request timeouts.</summary>
/// <remarks>
/// The client's own retry policy is switched off so that Polly alone decides: 429, 408, 5xx, network
/// errors and timeouts are retried with exponential backoff and jitter (a 429's <c>Retry-After</c> is
/// honored up to <see cref="LlmOptions.MaxRetryAfter"/>); other statuses fail at once.
/// </remarks>
internal sealed class LlmChat
{
    private static readonly ResiliencePropertyKey<string> ConversationKey = new("toneline.conversation");

    private readonly ChatClient _client;
    private readonly ChatCompletionOptions _completionOptions;
    private readonly ResiliencePipeline _pipeline;
    private readonly LlmOptions _options;

    public LlmChat(LlmOptions options, TimeProvider timeProvider, ILogger logger)
    {
        _options = options;
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = options.Endpoint,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            // Polly's timeout below is the one that counts; this only stops a hung socket forever.
            NetworkTimeout = options.Timeout + TimeSpan.FromSeconds(30),
        };
        _client = new ChatClient(options.Model, new ApiKeyCredential(string.IsNullOrEmpty(options.ApiKey) ? "unused" : options.ApiKey), clientOptions);
        _completionOptions = new ChatCompletionOptions
        {
            Temperature = options.Temperature,
            MaxOutputTokenCount = options.MaxOutputTokens,
            ResponseFormat = options.ResponseFormat switch
            {
                LlmResponseFormat.JsonSchema => ChatResponseFormat.CreateJsonSchemaFormat(
                    PromptBuilder.SchemaName, BinaryData.FromString(PromptBuilder.Schema), jsonSchemaIsStrict: true),
                LlmResponseFormat.JsonObject => ChatResponseFormat.CreateJsonObjectFormat(),
                _ => null,
            },
        };

        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome.Exception)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Exception)),
                OnRetry = args =>
                {
                    args.Context.Properties.TryGetValue(ConversationKey, out var id);
                    LlmLog.Retrying(logger, id ?? "?", Describe(args.Outcome.Exception), args.AttemptNumber + 1, args.RetryDelay);
                    return default;
                },
            });
        }

        _pipeline = builder.AddTimeout(options.Timeout).Build();
    }

    /// <summary>Sends one completion request, retrying as configured; <paramref name="requests"/> counts every request sent.</summary>
    /// <exception cref="LlmRequestFailedException">No answer after the allowed retries, or a non-retryable status.</exception>
    public async Task<ChatCompletion> CompleteAsync(string conversationId, IReadOnlyList<ChatMessage> messages, StrongBox<int> requests, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(ConversationKey, conversationId);
        try
        {
            return await _pipeline.ExecuteAsync(
                async (ctx, state) =>
                {
                    Interlocked.Increment(ref state.Requests.Value);
                    var result = await state.Chat._client.CompleteChatAsync(state.Messages, state.Chat._completionOptions, ctx.CancellationToken).ConfigureAwait(false);
                    return result.Value;
                },
                context,
                (Chat: this, Messages: messages, Requests: requests)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ClientResultException or TimeoutRejectedException or HttpRequestException)
        {
            var attempts = requests.Value == 1 ? "1 request" : string.Create(CultureInfo.InvariantCulture, $"{requests.Value} requests");
            throw new LlmRequestFailedException($"{Describe(ex)} after {attempts}", ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static bool IsTransient(Exception? exception) => exception switch
    {
        TimeoutRejectedException or HttpRequestException => true,
        ClientResultException { Status: 0 or 408 or 429 or >= 500 } => true,
        _ => false,
    };

    private TimeSpan? RetryAfter(Exception? exception)
    {
        if (exception is ClientResultException { Status: 429 } ex
            && ex.GetRawResponse()?.Headers.TryGetValue("Retry-After", out var value) == true
            && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(Math.Min(seconds, _options.MaxRetryAfter.TotalSeconds));
        }

        return null;
    }

    private string Describe(Exception? exception) => exception switch
    {
        TimeoutRejectedException => string.Create(CultureInfo.InvariantCulture, $"no answer within {_options.Timeout.TotalSeconds:0.###} s"),
        ClientResultException { Status: 0 } ex => $"could not reach {_options.Endpoint} ({ex.InnerException?.Message ?? ex.Message})",
        ClientResultException ex => string.Create(CultureInfo.InvariantCulture, $"the server answered HTTP {ex.Status} ({FirstLine(ex.Message)})"),
        HttpRequestException ex => $"could not reach {_options.Endpoint} ({ex.Message})",
        null => "no error",
        _ => exception.Message,
    };

    private static string FirstLine(string message)
    {
        var newline = message.IndexOf('\n', StringComparison.Ordinal);
        return (newline < 0 ? message : message[..newline]).Trim();
    }
}
