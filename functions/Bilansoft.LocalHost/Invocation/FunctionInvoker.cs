using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Text;
using Azure.Core.Serialization;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bilansoft.LocalHost.Invocation;

/// <summary>
/// Calls a function the way the Functions worker does: through the app's middleware pipeline,
/// with the function class created from the invocation's service scope and each parameter bound
/// from the trigger, the binding data or the context.
/// </summary>
internal sealed class FunctionInvoker
{
    private const string InputItemKey = "Bilansoft.LocalHost.TriggerInput";
    private const string ResultItemKey = "Bilansoft.LocalHost.Result";

    private readonly FunctionExecutionDelegate _pipeline;

    public FunctionInvoker(WorkerPipeline pipeline) => _pipeline = pipeline.Build(InvokeTargetAsync);

    /// <summary>Runs the middleware and the function; returns the function's return value (after awaiting it).</summary>
    public async Task<object?> InvokeAsync(LocalFunctionContext context, TriggerInput input)
    {
        context.Items[InputItemKey] = input;
        await _pipeline(context);
        return context.Items.TryGetValue(ResultItemKey, out var result) ? result : null;
    }

    private static async Task InvokeTargetAsync(FunctionContext functionContext)
    {
        var context = (LocalFunctionContext)functionContext;
        var method = context.Descriptor.Method;
        var input = (TriggerInput)context.Items[InputItemKey];
        var target = method.IsStatic ? null : ActivatorUtilities.CreateInstance(context.InstanceServices, method.DeclaringType!);

        try
        {
            var arguments = new object?[method.GetParameters().Length];
            foreach (var parameter in method.GetParameters())
            {
                arguments[parameter.Position] = await BindAsync(parameter, context, input);
            }

            object? returned;
            try
            {
                returned = method.Invoke(target, arguments);
            }
            catch (TargetInvocationException exception) when (exception.InnerException is not null)
            {
                ExceptionDispatchInfo.Capture(exception.InnerException).Throw();
                throw;
            }

            context.Items[ResultItemKey] = await UnwrapAsync(returned) ?? NullResult.Instance;
        }
        finally
        {
            switch (target)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }

    private static async Task<object?> BindAsync(ParameterInfo parameter, LocalFunctionContext context, TriggerInput input)
    {
        var type = parameter.ParameterType;
        if (parameter == context.Descriptor.TriggerParameter)
        {
            return await BindTriggerAsync(type, context, input);
        }

        if (type == typeof(FunctionContext))
        {
            return context;
        }

        if (type == typeof(CancellationToken))
        {
            return context.CancellationToken;
        }

        if (input is TriggerInput.Http http && type == typeof(HttpRequest))
        {
            return http.Request;
        }

        if (input is TriggerInput.Http httpContextInput && type == typeof(HttpContext))
        {
            return httpContextInput.Request.HttpContext;
        }

        var value = context.BindingContext.BindingData
            .FirstOrDefault(pair => string.Equals(pair.Key, parameter.Name, StringComparison.OrdinalIgnoreCase)).Value;
        if (value is not null)
        {
            return Convert(value, type, parameter.Name!);
        }

        if (parameter.HasDefaultValue)
        {
            return parameter.DefaultValue;
        }

        if (!type.IsValueType || Nullable.GetUnderlyingType(type) is not null)
        {
            return null;
        }

        throw new InvalidOperationException($"The local host cannot bind parameter '{parameter.Name}' of {context.Descriptor.EntryPoint}.");
    }

    private static async Task<object?> BindTriggerAsync(Type type, LocalFunctionContext context, TriggerInput input)
    {
        switch (input)
        {
            case TriggerInput.Http http:
                return type == typeof(HttpContext) ? http.Request.HttpContext : http.Request;
            case TriggerInput.Timer timer:
                return timer.Info;
            case TriggerInput.Message message:
                return Deserialize(message.Body, type, context);
            case TriggerInput.Blob blob:
                return await BindBlobAsync(blob.Client, type, context);
            default:
                throw new InvalidOperationException($"Unknown trigger input {input.GetType().Name}.");
        }
    }

    private static object? Deserialize(string body, Type type, FunctionContext context)
    {
        if (type == typeof(string))
        {
            return body;
        }

        if (type == typeof(byte[]))
        {
            return Encoding.UTF8.GetBytes(body);
        }

        if (type == typeof(BinaryData))
        {
            return BinaryData.FromString(body);
        }

        // The worker deserialises POCO message bodies with WorkerOptions.Serializer; so does the local host.
        var serializer = context.InstanceServices.GetService<IOptions<WorkerOptions>>()?.Value.Serializer ?? new JsonObjectSerializer();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(body));
        return serializer.Deserialize(stream, type, context.CancellationToken);
    }

    private static async Task<object?> BindBlobAsync(BlobClient client, Type type, FunctionContext context)
    {
        if (type == typeof(BlobClient))
        {
            return client;
        }

        if (type == typeof(Stream))
        {
            return await client.OpenReadAsync(cancellationToken: context.CancellationToken);
        }

        var content = await client.DownloadContentAsync(context.CancellationToken);
        if (type == typeof(byte[]))
        {
            return content.Value.Content.ToArray();
        }

        if (type == typeof(BinaryData))
        {
            return content.Value.Content;
        }

        if (type == typeof(string))
        {
            return content.Value.Content.ToString();
        }

        throw new NotSupportedException($"The local host binds blob triggers to BlobClient, Stream, byte[], BinaryData or string, not {type.Name}.");
    }

    private static object? Convert(object value, Type type, string name)
    {
        if (type.IsInstanceOfType(value))
        {
            return value;
        }

        var text = System.Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
        var target = Nullable.GetUnderlyingType(type) ?? type;
        var converter = TypeDescriptor.GetConverter(target);
        if (converter.CanConvertFrom(typeof(string)))
        {
            try
            {
                return converter.ConvertFromInvariantString(text);
            }
            catch (Exception exception) when (exception is FormatException or NotSupportedException or ArgumentException)
            {
                throw new InvalidOperationException($"Binding value '{text}' of '{name}' is not a valid {target.Name}.", exception);
            }
        }

        throw new InvalidOperationException($"The local host cannot convert binding '{name}' to {type.Name}.");
    }

    private static async Task<object?> UnwrapAsync(object? returned)
    {
        switch (returned)
        {
            case null:
                return null;
            case Task task:
                await task;
                var resultProperty = task.GetType().GetProperty("Result");
                return resultProperty is null || resultProperty.PropertyType.Name == "VoidTaskResult" ? null : resultProperty.GetValue(task);
            case ValueTask valueTask:
                await valueTask;
                return null;
            default:
                var type = returned.GetType();
                if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ValueTask<>))
                {
                    var asTask = (Task)type.GetMethod(nameof(ValueTask<int>.AsTask))!.Invoke(returned, null)!;
                    return await UnwrapAsync(asTask);
                }

                return returned;
        }
    }

    /// <summary>Marks a completed invocation that returned nothing, to tell it apart from one that never ran.</summary>
    internal sealed class NullResult
    {
        public static readonly NullResult Instance = new();
    }
}
