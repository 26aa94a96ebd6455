namespace OrleansGame.Cancellable.Tests;

/// An exception a test throws on purpose, tagged so the test can recognise exactly its own instance.
internal sealed class MarkerException(string marker) : Exception($"marker {marker}")
{
    public string Marker { get; } = marker;
}
