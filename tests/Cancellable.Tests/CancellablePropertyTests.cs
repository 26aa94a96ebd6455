using System.Diagnostics;
using System.Globalization;
using CsCheck;

namespace OrleansGame.Cancellable.Tests;

public sealed class CancellablePropertyTests
{
    private static readonly Gen<Step> StepGen = Gen.Frequency(
        (6, Gen.Select(Gen.Int[0, 999], Gen.Bool, (value, yield) => new Step(StepKind.Item, value, yield))),
        (3, Gen.Bool.Select(yield => new Step(StepKind.Continue, 0, yield))),
        (1, Gen.Select(Gen.Int[-999, -1], Gen.Bool, (value, yield) => new Step(StepKind.Refuse, value, yield))),
        (1, Gen.Bool.Select(yield => new Step(StepKind.Break, 0, yield))),
        (1, Gen.Bool.Select(yield => new Step(StepKind.Throw, 0, yield))),
        (1, Gen.Const(new Step(StepKind.ThrowSync, 0, Yield: false))),
        (1, Gen.Bool.Select(yield => new Step(StepKind.Cancel, 0, yield))),
        (1, Gen.Select(Gen.Int[0, 999], Gen.Bool, (value, yield) => new Step(StepKind.CancelThenItem, value, yield))));

    [Fact]
    public async Task SpawnWithCallback_RandomStepSequences_OutcomeAndCallbacksMatchModel()
    {
        var watch = Stopwatch.StartNew();

        await Gen.Select(StepGen.Array[0, 16], Gen.Bool).SampleAsync(
            async (steps, asyncCallback) => await CheckAgainstModelAsync(steps, asyncCallback),
            iter: 1_000);

        TestContext.Current.TestOutputHelper?.WriteLine($"1,000 random scripts checked in {watch.ElapsedMilliseconds} ms");
    }

    private static async Task CheckAgainstModelAsync(Step[] steps, bool asyncCallback)
    {
        using var parent = new CancellationTokenSource();
        var service = new StepService(steps, parent);
        var callbacks = new List<int>();
        var handle = asyncCallback
            ? service.SpawnWithCallback(parent.Token, async (value, _) =>
            {
                await Task.Yield();
                callbacks.Add(value);
                return value >= 0;
            })
            : service.SpawnWithCallback(parent.Token, value =>
            {
                callbacks.Add(value);
                return value >= 0;
            });

        await Task.WhenAny(handle.Completion).WaitAsync(Bounds.Wait, Bounds.Token);

        var expected = StepModel.Expect(steps);
        Assert.Equal(expected.Outcome, handle.Outcome);
        Assert.Equal(expected.Callbacks, callbacks);
        Assert.Equal(expected.RefusedItem, (int?)handle.RefusedItem);
        Assert.Equal(expected.RunCount, service.RunCount);
        if (expected.FailedAtStep is { } failedAt)
        {
            var thrown = Assert.IsType<MarkerException>(handle.Completion.Exception?.InnerException);
            Assert.Equal(failedAt.ToString(CultureInfo.InvariantCulture), thrown.Marker);
        }
        else
        {
            Assert.True(handle.Completion.IsCompletedSuccessfully);
        }
    }
}
