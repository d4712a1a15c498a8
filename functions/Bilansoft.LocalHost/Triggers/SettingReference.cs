namespace Bilansoft.LocalHost.Triggers;

/// <summary>Resolves <c>%Setting%</c> references in trigger attributes from configuration, as the Functions host does.</summary>
internal static class SettingReference
{
    public static string Resolve(string value, IConfiguration configuration)
    {
        if (value.Length > 2 && value[0] == '%' && value[^1] == '%')
        {
            var name = value[1..^1];
            return configuration[name] ?? throw new InvalidOperationException($"Trigger setting '{name}' is not configured.");
        }

        return value;
    }
}
