using BenchmarkDotNet.Attributes;
using OrleansGame.Arena.Validation;
using OrleansGame.Arena.Wire;

namespace OrleansGame.MicroBenchmarks;

/// <summary><see cref="InputRules.Check"/> on the three paths an input takes: accepted, stale, rejected.</summary>
[MemoryDiagnoser]
public class InputValidationBenchmarks
{
    private readonly InputMessage accepted = new(18, 0.9, 0.9);
    private readonly InputMessage stale = new(17, 0.6, -0.8);
    private readonly InputMessage rejected = new(19, double.NaN, 0.2);

    /// <summary>A newer sequence with a vector longer than 1 (normalised).</summary>
    [Benchmark(Baseline = true)]
    public InputCheck Accept() => InputRules.Check(accepted, 17);

    /// <summary>A repeated sequence (ignored).</summary>
    [Benchmark]
    public InputCheck Stale() => InputRules.Check(stale, 17);

    /// <summary>A non-finite component (an <c>invalid_input</c> error).</summary>
    [Benchmark]
    public InputCheck Reject() => InputRules.Check(rejected, 17);
}
