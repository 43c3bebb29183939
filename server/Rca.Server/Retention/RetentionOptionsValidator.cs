using Cronos;
using Microsoft.Extensions.Options;

namespace Rca.Server.Retention;

/// <summary>Validates <see cref="RetentionOptions"/> at start-up.</summary>
internal sealed class RetentionOptionsValidator : IValidateOptions<RetentionOptions>
{
    public ValidateOptionsResult Validate(string? name, RetentionOptions options)
    {
        var failures = new List<string>();
        RequirePositive(failures, nameof(RetentionOptions.Checks), options.Checks);
        RequirePositive(failures, nameof(RetentionOptions.ResolvedIncidents), options.ResolvedIncidents);
        RequirePositive(failures, nameof(RetentionOptions.CalibrationChecks), options.CalibrationChecks);
        if (options.BatchSize < 1)
        {
            failures.Add($"{RetentionOptions.Section}:BatchSize is {options.BatchSize}; expected at least 1.");
        }

        var fields = (options.Schedule ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        try
        {
            CronExpression.Parse(options.Schedule ?? "", fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
        }
        catch (CronFormatException error)
        {
            failures.Add($"{RetentionOptions.Section}:Schedule '{options.Schedule}' is not a valid cron expression: {error.Message}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void RequirePositive(List<string> failures, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{RetentionOptions.Section}:{key} is {value}; expected a positive duration such as 30.00:00:00 (30 days).");
        }
    }
}
