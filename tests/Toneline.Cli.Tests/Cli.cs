using System.CommandLine;
using System.Diagnostics;
using Toneline.Cli.Commands;

namespace Toneline.Cli.Tests;

/// <summary>Runs the CLI in-process with captured output, or as a process where the real entry point matters.</summary>
internal static class Cli
{
    public static int Run(out string output, out string error, params string[] args)
    {
        using var outWriter = new StringWriter();
        using var errWriter = new StringWriter();
        var root = new RootCommand { ScoreCommand.Create() };
        var code = root.Parse(args).Invoke(new InvocationConfiguration { Output = outWriter, Error = errWriter });
        output = outWriter.ToString();
        error = errWriter.ToString();
        return code;
    }

    /// <summary>Runs the built <c>toneline</c> next to the tests, for what only Program.cs decides (usage errors).</summary>
    public static int RunProcess(out string output, out string error, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "toneline.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        error = process.StandardError.ReadToEnd();
        output = stdout.GetAwaiter().GetResult();
        process.WaitForExit();
        return process.ExitCode;
    }
}
