namespace OrleansGame.Gateway.Auth;

/// <summary>The signing keys in configuration cannot be used; the message names the setting and what is wrong.</summary>
public sealed class InvalidSigningKeyException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public InvalidSigningKeyException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public InvalidSigningKeyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    public InvalidSigningKeyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
