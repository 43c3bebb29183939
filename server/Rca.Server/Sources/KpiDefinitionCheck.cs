using Rca.Server.Kpis;

namespace Rca.Server.Sources;

/// <summary>Checks the parts of a KPI definition that a source query depends on.</summary>
internal static class KpiDefinitionCheck
{
    /// <exception cref="ArgumentException">The measurement or field is empty, a ratio has no denominator field, or an attribute is empty or repeated.</exception>
    public static void ThrowIfInvalid(KpiDefinition kpi)
    {
        if (string.IsNullOrEmpty(kpi.Measurement))
        {
            throw new ArgumentException($"KPI '{kpi.Name}' has an empty measurement.", nameof(kpi));
        }

        if (string.IsNullOrEmpty(kpi.Field))
        {
            throw new ArgumentException($"KPI '{kpi.Name}' has an empty field.", nameof(kpi));
        }

        if (kpi.Measure == KpiMeasure.Ratio && string.IsNullOrEmpty(kpi.DenominatorField))
        {
            throw new ArgumentException($"KPI '{kpi.Name}' is a ratio but has no denominator field.", nameof(kpi));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var attribute in kpi.Attributes)
        {
            if (string.IsNullOrEmpty(attribute))
            {
                throw new ArgumentException($"KPI '{kpi.Name}' has an empty attribute name.", nameof(kpi));
            }

            if (!seen.Add(attribute))
            {
                throw new ArgumentException($"KPI '{kpi.Name}' lists attribute '{attribute}' twice.", nameof(kpi));
            }
        }
    }
}
