#if NETSTANDARD2_1
namespace System.Runtime.CompilerServices;

/// <summary>Lets netstandard2.1 compile records and init accessors (the type ships with .NET 5 and later).</summary>
internal static class IsExternalInit;
#endif
