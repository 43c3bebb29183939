using System.Globalization;
using System.Text;

namespace Rca.Server.Tests.Support;

/// <summary>
/// A parsed scrape in the Prometheus text exposition format (version 0.0.4): the metric families
/// from <c># TYPE</c> lines and every sample with its labels.
/// </summary>
internal sealed class PrometheusText
{
    private PrometheusText(Dictionary<string, string> families, List<PrometheusSample> samples)
    {
        Families = families;
        Samples = samples;
    }

    /// <summary>The type (counter, gauge, histogram, …) of each metric family, by family name.</summary>
    public IReadOnlyDictionary<string, string> Families { get; }

    public IReadOnlyList<PrometheusSample> Samples { get; }

    /// <summary>
    /// Returns the names a PromQL query can select: every family name, and for histograms and
    /// summaries the <c>_bucket</c>, <c>_sum</c> and <c>_count</c> series as well.
    /// </summary>
    public IReadOnlySet<string> SelectableNames()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, type) in Families)
        {
            names.Add(name);
            if (type is "histogram" or "summary")
            {
                names.Add(name + "_sum");
                names.Add(name + "_count");
                if (type == "histogram")
                {
                    names.Add(name + "_bucket");
                }
            }
        }

        return names;
    }

    /// <summary>Returns the value of the one sample named <paramref name="name"/> whose labels include all of <paramref name="labels"/>.</summary>
    /// <exception cref="InvalidOperationException">No sample or more than one sample matches.</exception>
    public double Value(string name, params (string Key, string Value)[] labels)
    {
        var matches = Samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value)).ToList();
        return matches.Count switch
        {
            1 => matches[0].Value,
            0 => throw new InvalidOperationException($"No sample {name} with {string.Join(",", labels)}; samples of that name: {string.Join(" | ", Samples.Where(s => s.Name == name))}"),
            _ => throw new InvalidOperationException($"{matches.Count} samples {name} match {string.Join(",", labels)}."),
        };
    }

    public static PrometheusText Parse(string text)
    {
        var families = new Dictionary<string, string>(StringComparer.Ordinal);
        var samples = new List<PrometheusSample>();
        var lineNumber = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                families[parts[2]] = parts[3];
                continue;
            }

            if (line.StartsWith('#'))
            {
                continue;
            }

            samples.Add(ParseSample(line, lineNumber));
        }

        return new PrometheusText(families, samples);
    }

    private static PrometheusSample ParseSample(string line, int lineNumber)
    {
        var position = 0;
        while (position < line.Length && line[position] != '{' && line[position] != ' ')
        {
            position++;
        }

        var name = line[..position];
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (position < line.Length && line[position] == '{')
        {
            position++;
            while (line[position] != '}')
            {
                var equals = line.IndexOf('=', position);
                var key = line[position..equals];
                position = equals + 2;
                var value = new StringBuilder();
                while (line[position] != '"')
                {
                    if (line[position] == '\\')
                    {
                        position++;
                        value.Append(line[position] == 'n' ? '\n' : line[position]);
                    }
                    else
                    {
                        value.Append(line[position]);
                    }

                    position++;
                }

                labels[key] = value.ToString();
                position++;
                if (line[position] == ',')
                {
                    position++;
                }
            }

            position++;
        }

        var fields = line[position..].Trim().Split(' ');
        if (!double.TryParse(fields[0].Replace("+Inf", "Infinity", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var sample))
        {
            throw new FormatException($"Line {lineNumber} of the scrape has no numeric value: '{line}'.");
        }

        return new PrometheusSample(name, labels, sample);
    }
}
