using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Toneline.Core.Conversations;
using Toneline.Core.Scoring;
using Toneline.Llm;
using Toneline.Llm.Prompts;
using Toneline.Llm.Regression;
using Toneline.Storage;
using Toneline.Web.Access;
using Toneline.Web.Api.Contracts;
using Toneline.Web.Hosting;
using Toneline.Web.Prompts;

namespace Toneline.Web.Api;

/// <summary>LLM prompt versions (admins only): edit, try on stored conversations, check on a labeled set, activate.</summary>
internal static class PromptsApi
{
    public const int MaxPlaygroundConversations = 20;
    public const int MaxRegressionConversations = 1000;

    public static IEndpointRouteBuilder MapPromptsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/prompts").WithTags("Prompts").RequireAuthorization(AccessExtensions.AdminPolicy);
        group.MapGet("/", List).WithSummary("Prompt versions, the activation history, and whether an LLM endpoint is configured");
        group.MapGet("/{version:int}", Get).WithSummary("One prompt version with the full system prompt it sends");
        group.MapPost("/", Create).WithSummary("Save edited definitions as a new version (not active)");
        group.MapPost("/{version:int}/activate", Activate).WithSummary("Make a version the active one, recording who and when");
        group.MapPost("/playground", PlaygroundAsync)
            .WithSummary("Run a version or an unsaved draft on stored conversations; each result beside the current score");
        group.MapPost("/regression", RegressionAsync)
            .WithSummary("Run a version or a draft on a labeled set: accuracy, per-band precision/recall and flips against the active method")
            .WithDescription("'set' is JSONL text, one conversation a line: {\"id\", \"label\", \"turns\": [{\"speaker\", \"text\"}]}, or {\"id\", \"label\"} to label a stored conversation. 'against' is 'active' (the active prompt version, the default) or 'builtin'.");
        return routes;
    }

    private static Ok<PromptList> List(PromptLab lab)
    {
        var active = lab.Store.ActiveSince().Version;
        return TypedResults.Ok(new PromptList(
            lab.Llm is not null,
            lab.Llm?.Endpoint.ToString(),
            lab.Llm?.Model,
            lab.Llm is null ? PromptLab.HowToConfigure : null,
            active,
            [.. lab.Store.List().Select(v => PromptVersionInfo.From(v, active))],
            lab.Store.Activations()));
    }

    private static Results<Ok<PromptVersionInfo>, ProblemHttpResult> Get(int version, PromptLab lab) =>
        lab.Store.Get(version) is { } v
            ? TypedResults.Ok(PromptVersionInfo.From(v, lab.Store.ActiveSince().Version, withText: true))
            : NoSuchVersion(version);

    private static Results<Created<PromptVersionInfo>, ValidationProblem> Create(NewPromptVersion body, ClaimsPrincipal user, PromptLab lab, ILogger<PromptLab> logger)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var definitions = Definitions(body, "", errors);
        if (definitions is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The prompt version has bad fields");
        }

        var by = user.Identity!.Name!;
        var created = lab.Create(definitions, by, body.Note?.Trim() ?? string.Empty);
        WebLog.PromptCreated(logger, created.Version, by);
        return TypedResults.Created("/api/prompts/" + created.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            PromptVersionInfo.From(created, lab.Store.ActiveSince().Version));
    }

    private static Results<Ok<PromptActivation>, ProblemHttpResult> Activate(int version, ClaimsPrincipal user, PromptLab lab, ILogger<PromptLab> logger)
    {
        if (lab.Store.Get(version) is null)
        {
            return NoSuchVersion(version);
        }

        var activation = lab.Activate(version, user.Identity!.Name!);
        WebLog.PromptActivated(logger, version, activation.ActivatedBy);
        return TypedResults.Ok(activation);
    }

    private static async Task<Results<Ok<PlaygroundResult>, ValidationProblem, ProblemHttpResult>> PlaygroundAsync(
        PlaygroundRequest body, ClaimsPrincipal user, PromptLab lab, ConversationDatabase database, CancellationToken cancellationToken)
    {
        if (lab.Llm is null)
        {
            return NotConfigured();
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var prompt = Candidate(body.Version, body.Draft, user, lab, errors);
        var ids = body.ConversationIds?.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).Distinct(StringComparer.Ordinal).ToList() ?? [];
        if (ids.Count is 0 or > MaxPlaygroundConversations)
        {
            errors["conversationIds"] = [$"give 1 to {MaxPlaygroundConversations} stored conversation ids, got {ids.Count}."];
        }

        if (errors.Count > 0 || prompt is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The playground request has bad fields");
        }

        return TypedResults.Ok(await lab.WithScorerAsync(prompt, async scorer =>
        {
            var rows = new PlaygroundRow[ids.Count];
            var usage = TokenUsage.None;
            var cost = 0m;
            await Parallel.ForAsync(0, ids.Count, new ParallelOptions { MaxDegreeOfParallelism = lab.Llm.MaxConcurrency, CancellationToken = cancellationToken }, async (i, ct) =>
            {
                var stored = await database.Store.GetAsync(ids[i], ct).ConfigureAwait(false);
                if (stored is null)
                {
                    rows[i] = new PlaygroundRow(ids[i], null, null, $"No conversation '{ids[i]}' is stored.");
                    return;
                }

                var result = await scorer.ScoreDetailedAsync(stored.Conversation, ct).ConfigureAwait(false);
                rows[i] = new PlaygroundRow(ids[i], stored.Current is null ? null : ScoreSummary.From(stored.Current), LlmResultDetail.From(result), null);
            }).ConfigureAwait(false);
            foreach (var llm in rows.Select(r => r.Llm).OfType<LlmResultDetail>())
            {
                usage += new TokenUsage(llm.PromptTokens, llm.CompletionTokens);
                cost += llm.Cost;
            }

            return new PlaygroundResult(scorer.Method.ToString(), rows, usage.PromptTokens, usage.CompletionTokens, cost);
        }).ConfigureAwait(false));
    }

    private static async Task<Results<Ok<RegressionResult>, ValidationProblem, ProblemHttpResult>> RegressionAsync(
        RegressionRequest body, ClaimsPrincipal user, PromptLab lab, ConversationDatabase database, CancellationToken cancellationToken)
    {
        if (lab.Llm is null)
        {
            return NotConfigured();
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var prompt = Candidate(body.Version, body.Draft, user, lab, errors);
        var against = string.IsNullOrWhiteSpace(body.Against) ? "active" : body.Against.Trim().ToLowerInvariant();
        if (against is not ("active" or "builtin"))
        {
            errors["against"] = [$"against must be 'active' (the active prompt version) or 'builtin', got '{body.Against}'."];
        }

        var set = await ReadSetAsync(body.Set, database, errors, cancellationToken).ConfigureAwait(false);
        if (errors.Count > 0 || prompt is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The regression request has bad fields");
        }

        var activePrompt = lab.Store.Active();
        return TypedResults.Ok(await lab.WithScorerAsync(prompt, candidateLlm => lab.WithScorerAsync(activePrompt, async activeLlm =>
        {
            var candidate = new MeteredScorer(candidateLlm);
            var activeMeter = new MeteredScorer(activeLlm);
            IConversationScorer active = against == "builtin" ? lab.BuiltIn : activeMeter;
            var report = await RegressionRunner.RunAsync(set, candidate, active, lab.Llm.MaxConcurrency * 2, cancellationToken).ConfigureAwait(false);
            var perClass = report.PerClass.Zip(report.ActivePerClass, (c, a) => new RegressionClass(c.Label, c.Precision, c.Recall, c.Support, a.Precision, a.Recall)).ToList();
            var flips = report.Flips.Select(f => new RegressionFlip(
                f.ConversationId, f.Label, f.Active, f.ActiveScore, f.Candidate, f.CandidateScore,
                f.Fixed ? "fixed" : f.Broke ? "broke" : "still wrong",
                candidate.Fallbacks.TryGetValue(f.ConversationId, out var reason) ? "fell back: " + reason : null)).ToList();
            var usage = candidate.Usage + activeMeter.Usage;
            return new RegressionResult(
                candidate.Method.ToString(), active.Method.ToString(), report.Scale, set.Count, report.CandidateAccuracy, report.ActiveAccuracy,
                perClass, flips, flips.Count(f => f.Verdict == "fixed"), flips.Count(f => f.Verdict == "broke"), candidate.Fallbacks.Count,
                usage.PromptTokens, usage.CompletionTokens, candidate.Cost + activeMeter.Cost);
        })).ConfigureAwait(false));
    }

    private static async Task<List<LabeledConversation>> ReadSetAsync(string? text, ConversationDatabase database, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        var set = new List<LabeledConversation>();
        if (string.IsNullOrWhiteSpace(text))
        {
            errors["set"] = ["set is required: JSONL text, one {\"id\", \"label\", \"turns\"} or {\"id\", \"label\"} (a stored conversation) a line."];
            return set;
        }

        List<LabeledLine> lines;
        try
        {
            lines = LabeledSetReader.Read(new StringReader(text), "set", turnsOptional: true);
        }
        catch (FormatException ex)
        {
            errors["set"] = [ex.Message];
            return set;
        }

        if (lines.Count is 0 or > MaxRegressionConversations)
        {
            errors["set"] = [$"set must hold 1 to {MaxRegressionConversations} labeled conversations, got {lines.Count}."];
            return set;
        }

        var missing = new List<string>();
        foreach (var line in lines)
        {
            if (line.Turns is { } turns)
            {
                set.Add(new LabeledConversation(new Conversation(line.Id, turns), line.Label));
            }
            else if (await database.Store.GetAsync(line.Id, cancellationToken).ConfigureAwait(false) is { } stored)
            {
                set.Add(new LabeledConversation(stored.Conversation, line.Label));
            }
            else
            {
                missing.Add(System.FormattableString.Invariant($"set:{line.LineNumber}: no conversation '{line.Id}' is stored; give its turns on the line or ingest it first."));
            }
        }

        if (missing.Count > 0)
        {
            errors["set"] = [.. missing.Take(20)];
        }

        return set;
    }

    // The version to run: a saved one by number, or the draft's definitions as an unsaved version 0.
    private static PromptVersion? Candidate(int? version, NewPromptVersion? draft, ClaimsPrincipal user, PromptLab lab, Dictionary<string, string[]> errors)
    {
        if (version is { } number)
        {
            if (draft is not null)
            {
                errors["version"] = ["give either version (a saved one) or draft (unsaved definitions), not both."];
                return null;
            }

            var saved = lab.Store.Get(number);
            if (saved is null)
            {
                errors["version"] = [$"there is no prompt version {number}; GET /api/prompts lists them."];
            }

            return saved;
        }

        if (draft is null)
        {
            errors["version"] = ["give version (a saved one) or draft (unsaved definitions)."];
            return null;
        }

        return Definitions(draft, "draft.", errors) is { } definitions ? lab.Draft(definitions, user.Identity!.Name!) : null;
    }

    private static PromptDefinitions? Definitions(NewPromptVersion body, string prefix, Dictionary<string, string[]> errors)
    {
        const int MaxLength = 4000;
        foreach (var (name, value, required) in (ReadOnlySpan<(string, string?, bool)>)[("positive", body.Positive, true), ("negative", body.Negative, true), ("guidance", body.Guidance, false), ("note", body.Note, false)])
        {
            if (required && string.IsNullOrWhiteSpace(value))
            {
                errors[prefix + name] = [$"{name} is required: say in your own words when a conversation is {name}."];
            }
            else if (value?.Length > MaxLength)
            {
                errors[prefix + name] = [System.FormattableString.Invariant($"{name} is {value.Length} characters; keep it under {MaxLength}.")];
            }
        }

        return errors.Count > 0 ? null : new PromptDefinitions(body.Positive!.Trim(), body.Negative!.Trim(), body.Guidance?.Trim() ?? string.Empty);
    }

    private static ProblemHttpResult NoSuchVersion(int version) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no prompt version {version}; GET /api/prompts lists them.");

    private static ProblemHttpResult NotConfigured() => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, title: "No LLM endpoint is configured", detail: PromptLab.HowToConfigure);
}
