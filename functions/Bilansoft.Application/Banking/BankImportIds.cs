using System.Globalization;
using System.Security.Cryptography;

namespace Bilansoft.Application.Banking;

/// <summary>Ids of imports: 16 hex digits of inverted time and 16 random ones, so storage lists them newest first.</summary>
public static class BankImportIds
{
    public static string New(DateTimeOffset now)
    {
        var inverted = DateTimeOffset.MaxValue.UtcTicks - now.UtcTicks;
        return inverted.ToString("x16", CultureInfo.InvariantCulture) + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
    }
}

/// <summary>Payload of the <c>bank-statement-imported</c> message.</summary>
/// <param name="ImportId">The import whose transactions wait for the match step.</param>
public sealed record BankStatementImported(string ImportId)
{
    /// <summary>Message type in the envelope.</summary>
    public const string MessageType = "bank-statement-imported";

    /// <summary>Id of the message of an import: one per import, so a repeated publish is handled once.</summary>
    public static string MessageIdFor(string importId) => MessageType + "-" + importId;
}

/// <summary>A failure that ends an import, with what the user needs to know.</summary>
public sealed class ImportFailedException : Exception
{
    public ImportFailedException(BankImportFailure failure)
        : base($"Import failed: {failure.Code}") => Failure = failure;

    public ImportFailedException()
        : this(new BankImportFailure(BankingErrorCodes.InvalidPush))
    {
    }

    public ImportFailedException(string message)
        : base(message) => Failure = new BankImportFailure(BankingErrorCodes.InvalidPush);

    public ImportFailedException(string message, Exception innerException)
        : base(message, innerException) => Failure = new BankImportFailure(BankingErrorCodes.InvalidPush);

    public BankImportFailure Failure { get; }
}
