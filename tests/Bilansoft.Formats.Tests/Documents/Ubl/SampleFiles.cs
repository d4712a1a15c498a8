namespace Bilansoft.Formats.Tests.Documents.Ubl;

/// <summary>Access to the UBL sample files copied next to the tests.</summary>
internal static class SampleFiles
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Documents", "Samples");

    public static string PathOf(string name) => Path.Combine(Directory, name);

    public static FileStream Open(string name) => File.OpenRead(PathOf(name));

    public static IEnumerable<string> All() =>
        System.IO.Directory.EnumerateFiles(Directory, "*.xml").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);
}
