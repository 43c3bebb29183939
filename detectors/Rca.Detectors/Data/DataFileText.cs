using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Rca.Detectors.Data;

/// <summary>
/// Decoding of data files: strict UTF-8, with or without a byte order mark.
/// </summary>
internal static class DataFileText
{
    /// <summary>Reads a whole file as text.</summary>
    /// <exception cref="InvalidDataFileException">The file is missing, unreadable or not UTF-8.</exception>
    public static string ReadFile(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // The runtime words error.Message in English only, so the Chinese texts of the
            // two common causes leave it out.
            var code = error switch
            {
                FileNotFoundException or DirectoryNotFoundException => DataFileError.ReadFileNotFound,
                UnauthorizedAccessException => DataFileError.ReadAccessDenied,
                _ => DataFileError.ReadFailed,
            };
            throw new InvalidDataFileException(path, null, null, code, [error.Message], error);
        }

        return Decode(bytes, path);
    }

    /// <summary>Reads a whole stream as text.</summary>
    /// <exception cref="InvalidDataFileException">The stream is not UTF-8.</exception>
    public static string ReadStream(Stream stream, string displayName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), displayName);
    }

    /// <summary>Decodes UTF-8 bytes, skipping a byte order mark and rejecting invalid sequences.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string displayName)
    {
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        var chars = ArrayPool<char>.Shared.Rent(Math.Max(bytes.Length, 1));
        try
        {
            var status = Utf8.ToUtf16(bytes, chars, out var bytesRead, out var charsWritten, replaceInvalidSequences: false);
            if (status != OperationStatus.Done)
            {
                var line = bytes[..bytesRead].Count((byte)'\n') + 1;
                throw new InvalidDataFileException(
                    displayName,
                    line,
                    null,
                    DataFileError.NotUtf8,
                    [bytes[bytesRead], bytesRead]);
            }

            return new string(chars, 0, charsWritten);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
