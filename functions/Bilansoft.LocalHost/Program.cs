using Bilansoft.LocalHost.Hosting;

var host = await LocalHostApp.StartAsync(new LocalHostStartOptions { Args = args }, CancellationToken.None);
await host.RunUntilShutdownAsync();
