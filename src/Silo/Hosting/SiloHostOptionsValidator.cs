using System.Net;
using Microsoft.Extensions.Options;

namespace OrleansGame.Silo.Hosting;

/// <summary>Checks <see cref="SiloHostOptions"/> at start, naming the setting at fault.</summary>
internal sealed class SiloHostOptionsValidator : IValidateOptions<SiloHostOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, SiloHostOptions options)
    {
        List<string> failures = [];
        if (string.IsNullOrWhiteSpace(options.ClusterId))
        {
            failures.Add("Orleans:ClusterId must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(options.ServiceId))
        {
            failures.Add("Orleans:ServiceId must not be empty.");
        }

        if (options.SiloPort is < 1 or > IPEndPoint.MaxPort)
        {
            failures.Add($"Orleans:SiloPort must be a port number (1-65535), not {options.SiloPort}.");
        }

        if (options.GatewayPort is < 1 or > IPEndPoint.MaxPort)
        {
            failures.Add($"Orleans:GatewayPort must be a port number (1-65535), not {options.GatewayPort}.");
        }

        if (options.SiloPort == options.GatewayPort)
        {
            failures.Add("Orleans:SiloPort and Orleans:GatewayPort must differ.");
        }

        if (string.IsNullOrWhiteSpace(options.AdvertisedAddress))
        {
            failures.Add("Orleans:AdvertisedAddress must be an IP address or a host name.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
