namespace Rca.Server.Webhooks;

/// <summary>The error raised when a webhook body is not the expected format; the message names what is missing or wrong.</summary>
internal sealed class InvalidAlertPayloadException(string message) : Exception(message);
