namespace Bilansoft.Testing;

/// <summary>
/// Waits for asynchronous work (queued steps, blob scans) to show its effect. The timeout only bounds
/// the wait; no test asserts how fast the work is.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Polls <paramref name="condition"/> until it is true; fails with <paramref name="description"/> after the timeout.</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, string description, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            if (await condition())
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Still waiting for: {description}.");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Polls <paramref name="read"/> until its result satisfies <paramref name="done"/>, then returns it.</summary>
    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> read, Func<T, bool> done, string description, TimeSpan? timeout = null)
    {
        var result = default(T);
        await TrueAsync(async () => done(result = await read()), description, timeout);
        return result!;
    }
}
