using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Toneline.Core.Conversations;
using Toneline.Core.Formats;
using Toneline.Core.Scoring;
using Toneline.Storage;
using Toneline.Storage.Ingestion;
using Toneline.Storage.Queries;
using Toneline.Web.Access;
using Toneline.Web.Api.Contracts;
using Toneline.Web.Hosting;

namespace Toneline.Web.Api;

/// <summary>Ingesting, reading, searching and exporting conversations.</summary>
internal static partial class ConversationsApi
{
    public static IEndpointRouteBuilder MapConversationsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/conversations").WithTags("Conversations").RequireAuthorization(AccessExtensions.ReadPolicy);
        group.MapPost("/", IngestAsync).RequireAuthorization(AccessExtensions.WritePolicy)
            .WithSummary("Ingest one or many conversations")
            .WithDescription("The body is Toneline JSON (one object or an array), NDJSON (Content-Type application/x-ndjson), or any transcript format the reader detects (plain text, WebVTT, SRT, CSV, Amazon Transcribe, utterance lists). Every conversation is scored and all are stored in one transaction; if any is bad, none is stored and the 400 names each one's line and field.");
        group.MapGet("/", SearchAsync).WithSummary("Search conversations (keyset pages: pass 'next' back as 'after')");
        group.MapGet("/export", ExportAsync).WithSummary("Every search result as CSV (format=csv, the default) or JSON");
        group.MapGet("/{id}", GetAsync).WithSummary("A conversation with its turns and scores");
        return routes;
    }

    private static async Task<Results<Created<IngestResult>, ValidationProblem, ProblemHttpResult>> IngestAsync(
        HttpContext context,
        ConversationDatabase database,
        IConversationScorer scorer,
        IOptions<TonelineWebOptions> options,
        ILogger<TonelineWebOptions> logger,
        string? format,
        string? agent,
        CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxBodyBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength > limit)
        {
            return TooLarge(limit);
        }

        string body;
        try
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            body = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(limit);
        }

        var parser = new FilterParser();
        var readOptions = new ReadOptions
        {
            Format = parser.Enum<TranscriptFormat>("format", format) ?? FormatOf(context.Request.ContentType),
            AgentName = string.IsNullOrWhiteSpace(agent) ? null : agent,
        };
        if (parser.HasErrors)
        {
            return TypedResults.ValidationProblem(parser.Errors, title: "The request has bad parameters");
        }

        var conversations = new List<Conversation>();
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var result in ConversationReader.Read(new StringReader(body), "body", readOptions))
        {
            if (result.Error is { } error)
            {
                var key = error.Field ?? "body";
                var where = error.Line is { } line ? $"line {line}: " : string.Empty;
                (errors.TryGetValue(key, out var list) ? list : errors[key] = []).Add(where + error.Message);
            }
            else
            {
                conversations.Add(result.Conversation!);
            }
        }

        if (errors.Count == 0 && conversations.Count == 0)
        {
            errors["body"] = ["holds no conversation: send Toneline JSON, NDJSON or a transcript with at least one turn."];
        }

        var duplicate = conversations.GroupBy(c => c.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            errors["id"] = [$"'{duplicate.Key}' appears more than once in the body; each conversation needs its own id."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(
                errors.ToDictionary(e => e.Key, e => e.Value.ToArray()),
                detail: "Nothing was stored: fix these conversations and send the body again.",
                title: "The body has bad conversations");
        }

        // Score everything before storing anything, then store in one transaction: all or nothing.
        var scored = new ScoredConversation[conversations.Count];
        await Parallel.ForAsync(0, conversations.Count, cancellationToken, async (i, ct) =>
            scored[i] = new ScoredConversation(conversations[i], await scorer.ScoreAsync(conversations[i], ct).ConfigureAwait(false))).ConfigureAwait(false);
        await database.Store.SaveAsync(scored, cancellationToken).ConfigureAwait(false);
        WebLog.Ingested(logger, scored.Length, context.User.Identity?.Name ?? "?");

        var items = scored.Select(s => new IngestedConversation(
            s.Conversation.Id, s.Score.Overall.Score, s.Score.Overall.Band, "/api/conversations/" + Uri.EscapeDataString(s.Conversation.Id))).ToList();
        return TypedResults.Created(items[0].Url, new IngestResult(items.Count, scorer.Method.ToString(), items));
    }

    private static ProblemHttpResult TooLarge(long limit) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "The body is too large",
        detail: $"The body is over the {limit / (1024 * 1024.0):0.#} MiB limit. Split it into smaller requests (NDJSON batches of a few thousand conversations), or use 'toneline import' for bulk loads.");

    private static TranscriptFormat FormatOf(string? contentType)
    {
        var media = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        return media switch
        {
            "application/x-ndjson" or "application/ndjson" or "application/jsonl" or "application/x-jsonlines" => TranscriptFormat.Jsonl,
            "text/vtt" => TranscriptFormat.WebVtt,
            "application/x-subrip" => TranscriptFormat.Srt,
            "text/csv" => TranscriptFormat.Csv,
            _ => TranscriptFormat.Auto,
        };
    }

    private static async Task<Results<Ok<ConversationDetail>, ProblemHttpResult>> GetAsync(
        string id, HttpContext context, ConversationDatabase database, CancellationToken cancellationToken)
    {
        var stored = await database.Store.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (stored is null || !AccessScope.MaySee(context.User, stored.Conversation.Group))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No conversation '{id}' is stored (or it belongs to a group you do not supervise).");
        }

        return TypedResults.Ok(ConversationDetail.From(stored));
    }

    private static async Task<Results<Ok<SearchPage>, ValidationProblem, ForbidHttpResult>> SearchAsync(
        [AsParameters] FilterQuery query,
        string? sort,
        string? desc,
        string? limit,
        string? after,
        HttpContext context,
        ConversationDatabase database,
        CancellationToken cancellationToken)
    {
        var parser = new FilterParser();
        var request = ParseSearch(parser, query, sort, desc, limit, after);
        if (parser.HasErrors)
        {
            return TypedResults.ValidationProblem(parser.Errors, title: "The search has bad criteria");
        }

        if (AccessScope.Limit(context.User, request.Filter) is not { } filter)
        {
            return TypedResults.Forbid();
        }

        try
        {
            return TypedResults.Ok(await database.Queries.SearchAsync(request with { Filter = filter }, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            parser.Add("after", "is not a cursor from this search; start again without it.");
            return TypedResults.ValidationProblem(parser.Errors, title: "The search has bad criteria");
        }
    }

    private static async Task<Results<EmptyHttpResult, ValidationProblem, ForbidHttpResult>> ExportAsync(
        [AsParameters] FilterQuery query,
        string? sort,
        string? desc,
        string? format,
        HttpContext context,
        ConversationDatabase database,
        CancellationToken cancellationToken)
    {
        var parser = new FilterParser();
        var request = ParseSearch(parser, query, sort, desc, null, null);
        var json = format?.ToLowerInvariant() switch
        {
            null or "" or "csv" => false,
            "json" => true,
            _ => Bad(parser),
        };
        if (parser.HasErrors)
        {
            return TypedResults.ValidationProblem(parser.Errors, title: "The export has bad criteria");
        }

        if (AccessScope.Limit(context.User, request.Filter) is not { } filter)
        {
            return TypedResults.Forbid();
        }

        var rows = SearchExport.AllAsync(database.Queries, request with { Filter = filter }, cancellationToken);
        var response = context.Response;
        response.ContentType = json ? "application/json; charset=utf-8" : "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"conversations.{(json ? "json" : "csv")}\"";
        if (json)
        {
            await SearchExport.WriteJsonAsync(rows, response.Body, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await using var writer = new StreamWriter(response.Body, new UTF8Encoding(false));
            await SearchExport.WriteCsvAsync(rows, writer, cancellationToken).ConfigureAwait(false);
        }

        return TypedResults.Empty;

        static bool Bad(FilterParser p)
        {
            p.Add("format", "must be csv or json.");
            return false;
        }
    }

    internal static SearchRequest ParseSearch(FilterParser parser, FilterQuery query, string? sort, string? desc, string? limit, string? after)
    {
        var filter = parser.Parse(query);
        return new SearchRequest(
            filter,
            parser.Enum<SortField>("sort", sort) ?? SortField.StartTime,
            parser.Bool("desc", desc, fallback: true),
            parser.Int("limit", limit, 50, 1, 500),
            string.IsNullOrWhiteSpace(after) ? null : after);
    }
}
