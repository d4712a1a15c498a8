using Bilansoft.LocalHost.Hosting;
using Microsoft.AspNetCore.Connections;

try
{
    var host = await LocalHostApp.StartAsync(new LocalHostStartOptions { Args = args }, CancellationToken.None);
    await host.RunUntilShutdownAsync();
}
catch (IOException exception) when (exception.InnerException is AddressInUseException)
{
    // Kestrel's own message names the address; the stack trace would only hide it.
    Console.Error.WriteLine($"{exception.Message} Stop the other process, or choose another address with --urls http://localhost:7072.");
    Environment.ExitCode = 1;
}
