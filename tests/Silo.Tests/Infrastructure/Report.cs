namespace OrleansGame.Silo.Tests.Infrastructure;

/// <summary>Reports a measured number to the test output, the runner's diagnostics and stdout (test.sh's logs).</summary>
public static class Report
{
    /// <summary>Writes <paramref name="line"/> everywhere a reader of the test run will look.</summary>
    public static void Measured(ITestOutputHelper output, string line)
    {
        output.WriteLine(line);
        TestContext.Current.SendDiagnosticMessage(line);
        Console.WriteLine($"[measured] {line}");
    }
}
