using System.Diagnostics.CodeAnalysis;

namespace OrleansGame.Cancellable;

/// <summary>
/// The outcome of one <see cref="ICancellable{TResult, THandle}.RunAsync"/> call: an item, "keep going" or "stop".
/// </summary>
/// <typeparam name="T">The type of the items the service produces.</typeparam>
/// <remarks>The default value is an <see cref="CancellationResultKind.Item"/> holding <c>default(T)</c>.</remarks>
public readonly struct CancellationResult<T> : IEquatable<CancellationResult<T>>
{
    private readonly T _value;

    private CancellationResult(CancellationResultKind kind, T value)
    {
        Kind = kind;
        _value = value;
    }

    /// <summary>Gets a result that reports nothing and keeps the service running.</summary>
    public static CancellationResult<T> Continue => new(CancellationResultKind.Continue, default!);

    /// <summary>Gets a result that ends the service normally.</summary>
    public static CancellationResult<T> Break => new(CancellationResultKind.Break, default!);

    /// <summary>Gets which kind of result this is.</summary>
    public CancellationResultKind Kind { get; }

    /// <summary>Gets the item; valid only when <see cref="Kind"/> is <see cref="CancellationResultKind.Item"/>.</summary>
    /// <exception cref="InvalidOperationException">The result is not an item.</exception>
    public T Value => Kind == CancellationResultKind.Item
        ? _value
        : throw new InvalidOperationException($"A {Kind} result carries no value.");

    /// <summary>Creates a result that hands <paramref name="value"/> to the callback and keeps the service running.</summary>
    /// <param name="value">The item produced.</param>
    /// <returns>An item result.</returns>
    public static CancellationResult<T> Item(T value) => new(CancellationResultKind.Item, value);

    /// <summary>Compares two results for equality.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns><see langword="true"/> when both have the same kind and, for items, equal values.</returns>
    public static bool operator ==(CancellationResult<T> left, CancellationResult<T> right) => left.Equals(right);

    /// <summary>Compares two results for inequality.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns><see langword="true"/> when the kinds or the item values differ.</returns>
    public static bool operator !=(CancellationResult<T> left, CancellationResult<T> right) => !left.Equals(right);

    /// <summary>Gets the item when this is an item result.</summary>
    /// <param name="value">The item, or <c>default</c> when this is not an item result.</param>
    /// <returns><see langword="true"/> when this is an item result.</returns>
    public bool TryGetValue([MaybeNullWhen(false)] out T value)
    {
        value = _value;
        return Kind == CancellationResultKind.Item;
    }

    /// <inheritdoc/>
    public bool Equals(CancellationResult<T> other) =>
        Kind == other.Kind
        && (Kind != CancellationResultKind.Item || EqualityComparer<T>.Default.Equals(_value, other._value));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CancellationResult<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        Kind == CancellationResultKind.Item ? HashCode.Combine(Kind, _value) : Kind.GetHashCode();

    /// <inheritdoc/>
    public override string ToString() => Kind == CancellationResultKind.Item ? $"Item({_value})" : Kind.ToString();
}
