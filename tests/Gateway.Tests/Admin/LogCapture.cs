using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace OrleansGame.Gateway.Tests.Admin;

/// <summary>A logger provider that keeps every line the gateway logs through it, with its category and structured state.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<Line> _lines = new();

    public IReadOnlyCollection<Line> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    /// <summary>One log line: category, level, the formatted message, the structured values and the exception.</summary>
    public sealed record Line(string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Values, Exception? Exception);

    private sealed class Logger(string category, ConcurrentQueue<Line> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.ToDictionary(static p => p.Key, static p => p.Value)
                : [];
            lines.Enqueue(new Line(category, logLevel, formatter(state, exception), values, exception));
        }
    }
}
