using System.Globalization;

namespace OrleansGame.Gateway.Tests.Infrastructure;

/// <summary>How Linux schedules a process's threads, read from <c>/proc</c>.</summary>
public static class SchedulingPolicies
{
    /// <summary>The default policy.</summary>
    public const int Other = 0;

    /// <summary><c>SCHED_BATCH</c>: a thread that wakes does not preempt the running one.</summary>
    public const int Batch = 3;

    /// <summary>
    /// The name and scheduling policy (field 41 of <c>/proc/&lt;pid&gt;/task/&lt;tid&gt;/stat</c>, counting the name as
    /// field 2) of each thread of <paramref name="process"/>; a thread that ends while read is left out.
    /// </summary>
    public static List<(string Name, int Policy)> Threads(int process)
    {
        var threads = new List<(string, int)>();
        foreach (var task in Directory.EnumerateDirectories($"/proc/{process}/task"))
        {
            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(task, "stat"));
            }
            catch (IOException)
            {
                continue; // the thread ended
            }

            var nameEnd = stat.LastIndexOf(')');
            var name = stat[(stat.IndexOf('(') + 1)..nameEnd];
            var fields = stat[(nameEnd + 2)..].Split(' ');
            threads.Add((name, int.Parse(fields[41 - 3], CultureInfo.InvariantCulture)));
        }

        return threads;
    }
}
