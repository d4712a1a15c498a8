using Bilansoft.Formats.Banking;

namespace Bilansoft.Formats.Tests.Banking;

/// <summary>Opens the copies of the sample statements in <c>Banking/Samples</c> and reads them.</summary>
internal static class SampleFiles
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Banking", "Samples", name);

    public static Stream Open(string name) => File.OpenRead(PathOf(name));

    public static async Task<IReadOnlyList<BankStatement>> ReadAsync(string name, StatementValidation validation = StatementValidation.Strict)
    {
        await using var stream = Open(name);
        return await BankStatementReader.ReadAllAsync(stream, new StatementReaderOptions { Validation = validation });
    }

    public static async Task<StatementFormatException> ReadFailingAsync(string name)
    {
        await using var stream = Open(name);
        return await Assert.ThrowsAsync<StatementFormatException>(() => BankStatementReader.ReadAllAsync(stream));
    }

    public static async Task<IReadOnlyList<BankStatement>> ReadTextAsync(string text, StatementValidation validation = StatementValidation.Strict)
    {
        using var stream = new MemoryStream(CodaText.Encoding.GetBytes(text));
        return await BankStatementReader.ReadAllAsync(stream, new StatementReaderOptions { Validation = validation });
    }

    public static async Task<StatementFormatException> ReadTextFailingAsync(string text, StatementValidation validation = StatementValidation.Strict)
    {
        using var stream = new MemoryStream(CodaText.Encoding.GetBytes(text));
        return await Assert.ThrowsAsync<StatementFormatException>(
            () => BankStatementReader.ReadAllAsync(stream, new StatementReaderOptions { Validation = validation }));
    }
}

/// <summary>Helpers for CODA text built in tests.</summary>
internal static class CodaText
{
    public static readonly System.Text.Encoding Encoding = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    /// <summary>Returns the line with the text put at a 1-based position, overwriting what was there.</summary>
    public static string Put(string line, int position, string text) =>
        string.Concat(line.AsSpan(0, position - 1), text, line.AsSpan(position - 1 + text.Length));
}
