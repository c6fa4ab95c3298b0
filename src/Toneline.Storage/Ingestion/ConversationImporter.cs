using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Toneline.Core.Conversations;
using Toneline.Core.Formats;
using Toneline.Core.Scoring;

namespace Toneline.Storage.Ingestion;

/// <summary>Reads, scores and stores conversations in batches: the one ingestion path for import, demo and rescore.</summary>
/// <remarks>
/// Each batch is committed in its own transaction while the next is scored, so memory stays bounded
/// by two batches, and an interrupted import keeps every committed batch; re-running skips them.
/// </remarks>
public sealed partial class ConversationImporter
{
    private const int MaxFailuresKept = 10_000;


    private readonly IConversationStore _store;
    private readonly IConversationScorer _scorer;
    private readonly ImportOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public ConversationImporter(IConversationStore store, IConversationScorer scorer, ImportOptions? options = null, TimeProvider? time = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(scorer);
        _store = store;
        _scorer = scorer;
        _options = options ?? new ImportOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.BatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.ScoringParallelism, 1);
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Imports read results; bad ones are reported in the summary and skipped.</summary>
    public Task<ImportSummary> ImportAsync(IEnumerable<ReadResult> results, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(results);
        return RunAsync(ToAsync(results, cancellationToken), _options.SkipUnchanged, progress, cancellationToken);
    }

    /// <summary>Imports conversations already in memory, such as generated demo data.</summary>
    public Task<ImportSummary> ImportAsync(IEnumerable<Conversation> conversations, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversations);
        return ImportAsync(conversations.Select(ReadResult.Success), progress, cancellationToken);
    }

    /// <summary>Scores every stored conversation (of <paramref name="group"/>, when given) not yet currently scored by this importer's scorer.</summary>
    public Task<ImportSummary> RescoreAsync(string? group = null, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        RunAsync(RescoreSource(group, cancellationToken), skipUnchanged: false, progress, cancellationToken);

    private async IAsyncEnumerable<ReadResult> RescoreSource(string? group, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var conversation in _store.ReadAllAsync(_scorer.Method, group, cancellationToken).ConfigureAwait(false))
        {
            yield return ReadResult.Success(conversation);
        }
    }

    private static async IAsyncEnumerable<ReadResult> ToAsync(IEnumerable<ReadResult> results, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var result in results)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return result;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    private async Task<ImportSummary> RunAsync(
        IAsyncEnumerable<ReadResult> source, bool skipUnchanged, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var failures = new List<ImportFailure>();
        long read = 0, stored = 0, unchanged = 0, failed = 0;
        void Fail(ImportFailure failure)
        {
            Interlocked.Increment(ref failed);
            lock (failures)
            {
                if (failures.Count < MaxFailuresKept)
                {
                    failures.Add(failure);
                }
            }

            LogSkipped(_logger, failure.ToString());
        }

        void Report() => progress?.Report(new ImportProgress(
            Interlocked.Read(ref read), Interlocked.Read(ref stored), Interlocked.Read(ref unchanged), Interlocked.Read(ref failed)));

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var batches = System.Threading.Channels.Channel.CreateBounded<List<ScoredConversation>>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        var writer = Task.Run(
            async () =>
            {
                bool deferred = false;
                long nextDeferCheck = _options.DeferIndexesAfter;
                try
                {
                    await foreach (var batch in batches.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
                    {
                        await _store.SaveAsync(batch, stop.Token).ConfigureAwait(false);
                        long storedNow = Interlocked.Add(ref stored, batch.Count);
                        Report();
                        if (!deferred && storedNow >= nextDeferCheck)
                        {
                            // A large import sets the secondary indexes aside and rebuilds them at the end.
                            deferred = await _store.DeferIndexesAsync(storedNow, stop.Token).ConfigureAwait(false);
                            nextDeferCheck = storedNow > long.MaxValue / 2 ? long.MaxValue : storedNow * 2;
                        }
                    }
                }
                catch
                {
                    await stop.CancelAsync().ConfigureAwait(false);
                    throw;
                }
                finally
                {
                    if (deferred)
                    {
                        // Also after a failure or a cancellation: the stored batches stay and must be found.
                        await _store.RestoreIndexesAsync(CancellationToken.None).ConfigureAwait(false);
                    }
                }
            },
            CancellationToken.None);

        try
        {
            var pending = new List<(ReadResult Result, string Source)>(_options.BatchSize);
            await foreach (var result in source.WithCancellation(stop.Token).ConfigureAwait(false))
            {
                Interlocked.Increment(ref read);
                if (result.Error is { } error)
                {
                    Fail(new ImportFailure(error.Source, error.Line, null, error.Field is null ? error.Message : $"{error.Field}: {error.Message}"));
                    continue;
                }

                pending.Add((result, "-"));
                if (pending.Count >= _options.BatchSize)
                {
                    await ScoreAndQueueAsync(pending, skipUnchanged, batches.Writer, Fail, () => Interlocked.Increment(ref unchanged), stop.Token).ConfigureAwait(false);
                    pending.Clear();
                    Report();
                }
            }

            if (pending.Count > 0)
            {
                await ScoreAndQueueAsync(pending, skipUnchanged, batches.Writer, Fail, () => Interlocked.Increment(ref unchanged), stop.Token).ConfigureAwait(false);
            }

            batches.Writer.Complete();
        }
        catch (Exception e)
        {
            // The writer ends too before this returns: it may be rebuilding indexes it set aside, and
            // the caller may close the database as soon as the import has failed.
            batches.Writer.TryComplete(e);
            await writer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (writer.IsFaulted && writer.Exception?.InnerException is { } writerError && writerError is not OperationCanceledException && writerError != e)
            {
                await writer.ConfigureAwait(false);
            }

            throw;
        }

        await writer.ConfigureAwait(false);
        Report();
        var summary = new ImportSummary(read, stored, unchanged, failed, failures, _time.GetElapsedTime(started));
        LogFinished(_logger, summary.Stored, summary.Unchanged, summary.Failed, summary.Elapsed.TotalSeconds);
        return summary;
    }

    private async Task ScoreAndQueueAsync(
        List<(ReadResult Result, string Source)> pending,
        bool skipUnchanged,
        ChannelWriter<List<ScoredConversation>> writer,
        Action<ImportFailure> fail,
        Action countUnchanged,
        CancellationToken cancellationToken)
    {
        var conversations = pending.Select(p => p.Result.Conversation!).ToList();
        if (skipUnchanged)
        {
            var states = await _store.GetStatesAsync([.. conversations.Select(c => c.Id)], cancellationToken).ConfigureAwait(false);
            conversations = [.. conversations.Where(c =>
            {
                var same = states.TryGetValue(c.Id, out var state) && state.CurrentMethod == _scorer.Method && state.ContentHash == ContentHash.Of(c);
                if (same)
                {
                    countUnchanged();
                }

                return !same;
            })];
        }

        var scored = new ScoredConversation?[conversations.Count];
        await Parallel.ForAsync(
            0,
            conversations.Count,
            new ParallelOptions { MaxDegreeOfParallelism = _options.ScoringParallelism, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var conversation = conversations[i];
                try
                {
                    scored[i] = new ScoredConversation(conversation, await _scorer.ScoreAsync(conversation, ct).ConfigureAwait(false));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    fail(new ImportFailure("-", null, conversation.Id, "could not be scored: " + e.Message));
                }
            }).ConfigureAwait(false);

        var batch = scored.OfType<ScoredConversation>().ToList();
        if (batch.Count > 0)
        {
            await writer.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped {Failure}")]
    private static partial void LogSkipped(ILogger logger, string failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import stored {Stored}, skipped {Unchanged} unchanged and {Failed} failed in {Seconds:F1} s")]
    private static partial void LogFinished(ILogger logger, long stored, long unchanged, long failed, double seconds);
}
