namespace Bilansoft.Domain.Sales;

/// <summary>Builds <see cref="RuleViolation"/> values with named arguments.</summary>
internal static class Violation
{
    public static RuleViolation Of(string code, string path, params (string Name, object? Value)[] arguments)
    {
        var dictionary = new Dictionary<string, object?>(arguments.Length, StringComparer.Ordinal);
        foreach (var (name, value) in arguments)
        {
            dictionary[name] = value;
        }

        return new RuleViolation(code, path, dictionary);
    }
}
