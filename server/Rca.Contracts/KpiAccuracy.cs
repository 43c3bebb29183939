namespace Rca.Contracts;

/// <summary>
/// How often the localizations of one KPI were judged right.
/// </summary>
/// <param name="Kpi">The KPI name.</param>
/// <param name="Incidents">Incidents of the KPI in the range.</param>
/// <param name="WithFeedback">Incidents with feedback.</param>
/// <param name="Correct">Feedback <c>correct</c>.</param>
/// <param name="Partly">Feedback <c>partly</c>.</param>
/// <param name="Wrong">Feedback <c>wrong</c>.</param>
/// <param name="CorrectShare">Correct / WithFeedback; null without feedback.</param>
/// <param name="PartlyShare">Partly / WithFeedback; null without feedback.</param>
/// <param name="WrongShare">Wrong / WithFeedback; null without feedback.</param>
public sealed record KpiAccuracy(
    string Kpi,
    int Incidents,
    int WithFeedback,
    int Correct,
    int Partly,
    int Wrong,
    double? CorrectShare,
    double? PartlyShare,
    double? WrongShare);
