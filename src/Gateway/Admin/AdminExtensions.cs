using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OrleansGame.Gateway.Admin;

/// <summary>Registers and maps the operations console: its API and its page, on the operations port.</summary>
internal static class AdminExtensions
{
    /// <summary>Validates the admin keys at start and adds the key ring and the audit.</summary>
    public static WebApplicationBuilder AddAdminConsole(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section)
            .Validate(static o => o.Validate() is null, "Admin:Keys: each key needs a Name, a Key of at least 32 characters and a Role (ReadOnly or Operator), and keys must differ")
            .ValidateOnStart();
        builder.Services.AddSingleton<AdminKeyRing>();
        builder.Services.AddSingleton<AdminAudit>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder;
    }

    /// <summary>Maps <c>/admin/api</c> and the page at <c>/admin</c>.</summary>
    public static WebApplication MapAdminConsole(this WebApplication app)
    {
        app.MapAdminApi();
        app.MapAdminPage();
        return app;
    }
}
