using System.Globalization;

namespace Rca.Server.Demo;

/// <summary>
/// The time the demo's cases end before, kept in the data directory so that a restart on the
/// same data writes the cases at the same times, and the stored incidents still match InfluxDB.
/// </summary>
internal static class DemoTimeline
{
    public const string FileName = "demo-timeline.txt";

    /// <summary>
    /// Returns the anchor stored in <paramref name="dataDirectory"/>, or stores and returns
    /// <paramref name="now"/> when there is none or the file cannot be read as a UTC time.
    /// </summary>
    public static DateTimeOffset Anchor(string dataDirectory, DateTimeOffset now, ILogger logger)
    {
        var path = Path.Combine(dataDirectory, FileName);
        if (File.Exists(path))
        {
            var text = File.ReadAllText(path).Trim();
            if (DateTimeOffset.TryParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var stored))
            {
                return stored.ToUniversalTime();
            }

            logger.LogWarning("{Path} contains '{Text}', not a time such as 2026-12-04T10:00:00.0000000+00:00, so the demo starts a new timeline", path, text);
        }

        var temporary = path + ".tmp";
        File.WriteAllText(temporary, now.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
        File.Move(temporary, path, overwrite: true);
        return now;
    }
}
