namespace OrleansGame.Cancellable.Tests;

/// The simple model of the service loop: walk the script and stop at the first step that ends the service.
internal static class StepModel
{
    public static Expectation Expect(IReadOnlyList<Step> steps)
    {
        var callbacks = new List<int>();
        for (var index = 0; index < steps.Count; index++)
        {
            var step = steps[index];
            var runs = index + 1;
            switch (step.Kind)
            {
                case StepKind.Item:
                    callbacks.Add(step.Value);
                    break;
                case StepKind.Refuse:
                    callbacks.Add(step.Value);
                    return new(CancellableOutcome.Refused, callbacks, step.Value, runs, null);
                case StepKind.Break:
                    return new(CancellableOutcome.Completed, callbacks, null, runs, null);
                case StepKind.Throw or StepKind.ThrowSync:
                    return new(CancellableOutcome.Failed, callbacks, null, runs, index);
                case StepKind.Cancel or StepKind.CancelThenItem:
                    return new(CancellableOutcome.Cancelled, callbacks, null, runs, null);
                default:
                    break;
            }
        }

        // A script that runs out answers Break on the next call.
        return new(CancellableOutcome.Completed, callbacks, null, steps.Count + 1, null);
    }
}
