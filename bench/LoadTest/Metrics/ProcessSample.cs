using System.Globalization;

namespace OrleansGame.LoadTest.Metrics;

/// <summary>A process's CPU time, resident memory and threads, read from <c>/proc/&lt;pid&gt;</c>.</summary>
/// <param name="CpuSeconds">User plus system CPU time so far.</param>
/// <param name="RssMb">Resident set size in MiB.</param>
/// <param name="Threads">Thread count.</param>
internal sealed record ProcessSample(double CpuSeconds, double RssMb, int Threads)
{
    // USER_HZ is 100 on every Linux this runs on (the kernel's ABI fixes it for /proc).
    private const double ClockTicksPerSecond = 100;

    /// <summary>Reads the process's sample, or null when it is gone.</summary>
    public static ProcessSample? Read(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name may hold spaces; fields are counted after its closing parenthesis.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var utime = double.Parse(fields[11], CultureInfo.InvariantCulture);
            var stime = double.Parse(fields[12], CultureInfo.InvariantCulture);
            var threads = int.Parse(fields[17], CultureInfo.InvariantCulture);
            var rssKb = 0.0;
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rssKb = double.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }

            return new ProcessSample((utime + stime) / ClockTicksPerSecond, rssKb / 1024, threads);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
