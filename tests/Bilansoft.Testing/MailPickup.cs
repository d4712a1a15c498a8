using Bilansoft.Infrastructure.Storage;
using Bilansoft.LocalHost.Hosting;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Bilansoft.Testing;

/// <summary>Reads the e-mails the local host wrote to the <c>mail-pickup</c> container.</summary>
public static class MailPickup
{
    public static async Task<IReadOnlyList<MimeMessage>> ReadAllAsync(LocalHostApp host)
    {
        var storage = host.Services.GetRequiredService<StorageClients>();
        var container = await storage.ContainerAsync(StorageNames.MailPickupContainer, CancellationToken.None);
        var messages = new List<MimeMessage>();
        await foreach (var blob in container.GetBlobsAsync())
        {
            var content = await container.GetBlobClient(blob.Name).DownloadContentAsync();
            using var stream = content.Value.Content.ToStream();
            messages.Add(await MimeMessage.LoadAsync(stream));
        }

        return messages;
    }

    /// <summary>Waits for a message to <paramref name="recipient"/> and returns the newest one.</summary>
    public static async Task<MimeMessage> WaitForAsync(LocalHostApp host, string recipient)
    {
        var messages = await Eventually.ReturnsAsync(
            () => ReadAllAsync(host),
            all => all.Any(m => m.To.Mailboxes.Any(box => box.Address == recipient)),
            $"an e-mail to {recipient}");
        return messages.Where(m => m.To.Mailboxes.Any(box => box.Address == recipient)).OrderBy(m => m.Date).Last();
    }
}
