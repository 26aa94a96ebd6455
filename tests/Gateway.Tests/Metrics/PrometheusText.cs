using System.Globalization;

namespace OrleansGame.Gateway.Tests.Metrics;

/// <summary>The samples of one Prometheus text-format scrape, with sums over series for before/after comparisons.</summary>
public sealed class PrometheusText
{
    private readonly List<Sample> _samples;

    private PrometheusText(List<Sample> samples) => _samples = samples;

    public IReadOnlyList<Sample> Samples => _samples;

    public static PrometheusText Parse(string text)
    {
        List<Sample> samples = [];
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            samples.Add(ParseLine(line));
        }

        return new PrometheusText(samples);
    }

    /// <summary>The sum of every series of <paramref name="name"/> whose labels include <paramref name="labels"/>; 0 when none.</summary>
    public double Sum(string name, params (string Key, string Value)[] labels) =>
        _samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value)).Sum(s => s.Value);

    /// <summary>Whether any series of <paramref name="name"/> exists.</summary>
    public bool Has(string name) => _samples.Any(s => s.Name == name);

    private static Sample ParseLine(string line)
    {
        var i = 0;
        while (i < line.Length && line[i] != '{' && line[i] != ' ')
        {
            i++;
        }

        var name = line[..i];
        Dictionary<string, string> labels = new(StringComparer.Ordinal);
        if (i < line.Length && line[i] == '{')
        {
            i++;
            while (line[i] != '}')
            {
                var eq = line.IndexOf('=', i);
                var key = line[i..eq].Trim(' ', ',');
                i = eq + 2;
                var value = new System.Text.StringBuilder();
                for (; line[i] != '"'; i++)
                {
                    if (line[i] == '\\')
                    {
                        i++;
                        value.Append(line[i] == 'n' ? '\n' : line[i]);
                    }
                    else
                    {
                        value.Append(line[i]);
                    }
                }

                labels[key] = value.ToString();
                i++;
                while (line[i] is ',' or ' ')
                {
                    i++;
                }
            }

            i++;
        }

        var fields = line[i..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var number = fields[0] switch
        {
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            "NaN" => double.NaN,
            var text => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
        return new Sample(name, labels, number);
    }

    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);
}
