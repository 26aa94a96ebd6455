using OrleansGame.Grains.Abstractions.Wire;

// The host's wire records are declared in Contracts, which carries Orleans' attributes but not its code generator
// (it also targets netstandard2.1 for the client SDK): their serializers and copiers are generated here.
[assembly: GenerateCodeForDeclaringAssembly(typeof(Closing))]
