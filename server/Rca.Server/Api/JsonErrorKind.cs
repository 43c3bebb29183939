namespace Rca.Server.Api;

/// <summary>What made a request body unreadable.</summary>
internal enum JsonErrorKind
{
    /// <summary>The body is not well-formed JSON.</summary>
    Syntax,

    /// <summary>A value has the wrong type or is not one of the allowed values.</summary>
    Value,

    /// <summary>An object has a property that its type does not define.</summary>
    UnknownProperty,
}
