using System.Text;
using System.Text.Json;
using CsCheck;

namespace OrleansGame.Gateway.Tests.Payloads;

/// <summary>Random JSON texts: every kind of value, nested a few levels, with awkward strings and numbers.</summary>
internal static class JsonGen
{
    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.String,
        Gen.Const("héllo \"quoted\" \\ / \u0001 \u2028 😀"),
        Gen.Char['a', 'z'].Array[0, 8].Select(static chars => new string(chars)));

    private static readonly Gen<string> Number = Gen.OneOf(
        Gen.Long.Select(static n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.Int[-1000, 1000].Select(static n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.Double.Where(double.IsFinite).Select(static d => JsonSerializer.Serialize(d)),
        Gen.Double[-1e6, 1e6].Select(static d => JsonSerializer.Serialize(Math.Round(d, 2))),
        Pick("1.0", "-0", "2e3", "1E+15", "18446744073709551615", "0.1"));

    private static readonly Gen<string> Scalar = Gen.OneOf(
        Number,
        Text.Select(static s => JsonSerializer.Serialize(s)),
        Pick("true", "false", "null"));

    /// <summary>A JSON text: a scalar, or an array or object of values up to four levels deep.</summary>
    public static Gen<string> Value { get; } = Nested(4);

    private static Gen<string> Pick(params string[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    private static Gen<string> Nested(int depth) => depth == 0
        ? Scalar
        : Gen.Frequency(
            (3, Scalar),
            (1, Nested(depth - 1).Array[0, 5].Select(static items => "[" + string.Join(",", items) + "]")),
            (1, Gen.Select(Text, Nested(depth - 1)).Array[0, 5].Select(static properties =>
            {
                var json = new StringBuilder("{");
                foreach (var (name, value) in properties)
                {
                    json.Append(json.Length > 1 ? "," : "").Append(JsonSerializer.Serialize(name)).Append(':').Append(value);
                }

                return json.Append('}').ToString();
            })));
}
