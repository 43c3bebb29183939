using Microsoft.Extensions.Options;

namespace Rca.Server.Api;

/// <summary>
/// Validates an options object with a function that returns its error messages, so start-up
/// fails with every message rather than a generic one.
/// </summary>
internal sealed class DelegateOptionsValidator<TOptions>(Func<TOptions, IReadOnlyList<string>> validate) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var errors = validate(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
