using System.Runtime.InteropServices;

namespace Toneline.Cli.Commands;

/// <summary>The CPU time the calling thread has used, where the platform reports it (Linux).</summary>
/// <remarks>
/// On a machine shared with other work, wall-clock time also counts the time the scheduler gave
/// to other processes; the thread's own CPU time is what one core spent on the work.
/// </remarks>
internal static class ThreadClock
{
    private const int ClockThreadCpuTime = 3;

    /// <summary>Seconds of CPU time used by this thread, or null where the platform does not say.</summary>
    public static double? Now()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            return ClockGetTime(ClockThreadCpuTime, out var time) == 0 ? time.Seconds + (time.Nanoseconds / 1e9) : null;
        }
        catch (DllNotFoundException)
        {
            return null;
        }
        catch (EntryPointNotFoundException)
        {
            return null;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
}
