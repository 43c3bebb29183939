namespace Rca.Server.Api;

/// <summary>
/// Options of the REST API, bound from the <c>Api</c> configuration section.
/// </summary>
internal sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Whether GET endpoints respond without an API key (default true, for the demo).</summary>
    public bool AnonymousRead { get; set; } = true;

    /// <summary>
    /// A key with the admin scope taken from configuration, for creating the first stored key.
    /// It is compared by SHA-256 hash in memory and never stored.
    /// </summary>
    public string? BootstrapKey { get; set; }

    /// <summary>The base URL users reach the service at, for links in notifications (for example <c>https://rca.example.com</c>).</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Whether requests from the local machine open the Hangfire dashboard without a key (default false).</summary>
    public bool DashboardLocalAccess { get; set; }

    /// <summary>The maximum request body in bytes on every endpoint except uploads (default 1 MB).</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>The maximum request body in bytes on <c>POST /api/v1/localize</c> and <c>POST /api/v1/calibration/check</c> (default 20 MB).</summary>
    public long MaxUploadBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>Uploads with at most this many leaves are localized during the request; larger ones run in the background.</summary>
    public int MaxSyncLeaves { get; set; } = 200_000;

    /// <summary>The maximum number of leaves of an uploaded table.</summary>
    public int MaxUploadLeaves { get; set; } = 2_000_000;

    /// <summary>Incidents whose window has at most this many leaves keep a leaf snapshot for drill-down.</summary>
    public int MaxSnapshotLeaves { get; set; } = 100_000;

    /// <summary>Requests per key (or per client address without a key) to <c>/api/v1/localize</c> in each <see cref="LocalizeRateWindowSeconds"/>.</summary>
    public int LocalizeRateLimit { get; set; } = 30;

    /// <summary>The window of <see cref="LocalizeRateLimit"/>, in seconds.</summary>
    public int LocalizeRateWindowSeconds { get; set; } = 60;

    /// <summary>Returns every invalid setting as a message naming the key.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MaxBodyBytes < 1024)
        {
            errors.Add($"Api:MaxBodyBytes must be at least 1024, got {MaxBodyBytes}.");
        }

        if (MaxUploadBytes < MaxBodyBytes)
        {
            errors.Add($"Api:MaxUploadBytes must be at least Api:MaxBodyBytes ({MaxBodyBytes}), got {MaxUploadBytes}.");
        }

        if (MaxSyncLeaves < 1 || MaxUploadLeaves < MaxSyncLeaves)
        {
            errors.Add($"Api:MaxSyncLeaves must be at least 1 and at most Api:MaxUploadLeaves, got {MaxSyncLeaves} and {MaxUploadLeaves}.");
        }

        if (MaxSnapshotLeaves < 0)
        {
            errors.Add($"Api:MaxSnapshotLeaves must be at least 0, got {MaxSnapshotLeaves}.");
        }

        if (LocalizeRateLimit < 1 || LocalizeRateWindowSeconds < 1)
        {
            errors.Add($"Api:LocalizeRateLimit and Api:LocalizeRateWindowSeconds must be at least 1, got {LocalizeRateLimit} and {LocalizeRateWindowSeconds}.");
        }

        if (!string.IsNullOrEmpty(BootstrapKey) && BootstrapKey.Length < 16)
        {
            errors.Add("Api:BootstrapKey must be at least 16 characters long.");
        }

        if (!string.IsNullOrEmpty(PublicBaseUrl) && !Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out _))
        {
            errors.Add($"Api:PublicBaseUrl must be an absolute URL, got '{PublicBaseUrl}'.");
        }

        return errors;
    }
}
