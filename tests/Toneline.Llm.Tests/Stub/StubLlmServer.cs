using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Toneline.Llm.Tests.Stub;

/// <summary>An OpenAI-compatible <c>/v1/chat/completions</c> server on a free loopback port, scripted per test.</summary>
/// <remarks>
/// Replies are taken in order (the last one repeats) or computed from the request body. It only ever
/// listens on 127.0.0.1. The web tests compile this file too.
/// </remarks>
internal sealed class StubLlmServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly Func<int, string, StubReply> _reply;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<string> _bodies = new();
    private readonly Task _loop;
    private int _requests;
    private int _inFlight;
    private int _maxInFlight;

    public StubLlmServer(params StubReply[] replies)
        : this((index, _) => replies[Math.Min(index, replies.Length - 1)])
    {
        ArgumentOutOfRangeException.ThrowIfZero(replies.Length);
    }

    /// <summary>A server that answers each request from its body.</summary>
    public StubLlmServer(Func<string, StubReply> answer)
        : this((_, body) => answer(body))
    {
    }

    private StubLlmServer(Func<int, string, StubReply> reply)
    {
        _reply = reply;
        (_listener, Port) = Listen();
        _loop = Task.Run(AcceptLoopAsync);
    }

    public int Port { get; }

    /// <summary>The API base the engine is given.</summary>
    public Uri Endpoint => new($"http://127.0.0.1:{Port}/v1");

    public int RequestCount => Volatile.Read(ref _requests);

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public IReadOnlyList<string> RequestBodies => [.. _bodies];

    public List<string> Paths { get; } = [];

    public void Dispose()
    {
        _stopping.Cancel();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The accept loop ends with the listener; its exception carries no information.
        }

        _stopping.Dispose();
    }

    private static (HttpListener Listener, int Port) Listen()
    {
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return (listener, port);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var inFlight = Interlocked.Increment(ref _inFlight);
        int seen;
        do
        {
            seen = Volatile.Read(ref _maxInFlight);
        }
        while (inFlight > seen && Interlocked.CompareExchange(ref _maxInFlight, inFlight, seen) != seen);

        try
        {
            var index = Interlocked.Increment(ref _requests) - 1;
            string body;
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
            {
                body = await reader.ReadToEndAsync().ConfigureAwait(false);
            }

            _bodies.Enqueue(body);

            lock (Paths)
            {
                Paths.Add(context.Request.Url!.AbsolutePath);
            }

            var reply = _reply(index, body);
            if (reply.Delay > TimeSpan.Zero)
            {
                await Task.Delay(reply.Delay, _stopping.Token).ConfigureAwait(false);
            }

            var bytes = Encoding.UTF8.GetBytes(reply.Body);
            context.Response.StatusCode = reply.Status;
            context.Response.ContentType = "application/json";
            if (reply.RetryAfter is not null)
            {
                context.Response.Headers["Retry-After"] = reply.RetryAfter;
            }

            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes, _stopping.Token).ConfigureAwait(false);
            context.Response.Close();
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpListenerException or IOException or ObjectDisposedException)
        {
            // The client gave up (a timeout under test) or the server is stopping.
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
