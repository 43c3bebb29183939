using Microsoft.Playwright;

namespace Rca.EndToEnd.Tests;

/// <summary>
/// Screenshots the browser tests keep as test output, and the README images they write on request.
/// </summary>
internal static class Screenshots
{
    /// <summary>
    /// The environment variable that names a folder for the README images, for example
    /// <c>docs/images</c>; unset, no README image is written.
    /// </summary>
    public const string ReadmeImagesVariable = "RCA_README_IMAGES";

    /// <summary>The folder of every test screenshot: <c>screenshots</c> next to the test assembly.</summary>
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>Writes a full-page screenshot named <paramref name="name"/>.png and logs its path.</summary>
    public static async Task TakeAsync(IPage page, string name)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, name + ".png");
        // The app bar is fixed: scrolled down, a full-page image would show it across the middle.
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.Current.TestOutputHelper?.WriteLine($"screenshot: {path}");
    }

    /// <summary>
    /// Writes the page from its top down to the bottom of <paramref name="last"/> as
    /// <paramref name="name"/>.png into the folder that <see cref="ReadmeImagesVariable"/> names,
    /// when it is set. A relative folder is taken from the repository root, the nearest parent
    /// folder of the test assembly with a <c>.git</c> entry.
    /// </summary>
    public static async Task TakeReadmeImageAsync(IPage page, string name, ILocator last)
    {
        var folder = Environment.GetEnvironmentVariable(ReadmeImagesVariable);
        if (string.IsNullOrWhiteSpace(folder))
        {
            return;
        }

        if (!Path.IsPathRooted(folder))
        {
            folder = Path.Combine(RepositoryRoot(), folder);
        }

        // The router focuses the page heading after navigation, and its focus ring would show in the image.
        await page.EvaluateAsync("() => document.activeElement?.blur()");
        var box = await last.BoundingBoxAsync()
            ?? throw new InvalidOperationException($"The element that ends README image '{name}' is not visible.");
        var scroll = await page.EvaluateAsync<double>("() => window.scrollY");
        var width = page.ViewportSize?.Width ?? 1280;

        System.IO.Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = path,
            FullPage = true,
            Clip = new Clip { X = 0, Y = 0, Width = width, Height = (float)(scroll + box.Y + box.Height + 16) },
        });
        TestContext.Current.TestOutputHelper?.WriteLine($"README image: {path}");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (System.IO.Directory.Exists(Path.Combine(directory.FullName, ".git")) || File.Exists(Path.Combine(directory.FullName, ".git")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException(
            $"{ReadmeImagesVariable} is a relative path, but no parent folder of {AppContext.BaseDirectory} contains .git; give an absolute path.");
    }
}
