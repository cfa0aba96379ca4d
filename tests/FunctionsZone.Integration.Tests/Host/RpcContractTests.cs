using System.Reflection;
using FunctionsZone.Host.Rpc.Messages;
using Google.Protobuf.Reflection;
using Xunit;

namespace FunctionsZone.Integration.Tests.Host;

/// <summary>
/// The host's own function_rpc.proto against the contract the worker package was compiled with (the
/// FunctionRpcReflection descriptor inside Microsoft.Azure.Functions.Worker.Grpc): every message, field, enum value
/// and the EventStream method declared here must exist there with the same number and type.
/// </summary>
public sealed class RpcContractTests
{
    private static FileDescriptor Ours => FunctionRpcReflection.Descriptor;

    private static FileDescriptor Workers()
    {
        var assembly = Assembly.Load("Microsoft.Azure.Functions.Worker.Grpc");
        var type = assembly.GetType("Microsoft.Azure.Functions.Worker.Grpc.Messages.FunctionRpcReflection", throwOnError: true)!;
        var property = type.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!;
        return (FileDescriptor)property.GetValue(null)!;
    }

    private static Dictionary<string, MessageDescriptor> Messages(FileDescriptor file)
    {
        var all = new Dictionary<string, MessageDescriptor>();
        void Add(MessageDescriptor m)
        {
            all[m.FullName] = m;
            foreach (var n in m.NestedTypes) Add(n);
        }
        foreach (var m in file.MessageTypes) Add(m);
        return all;
    }

    private static string Shape(FieldDescriptor f) =>
        $"{f.FieldNumber} {f.FieldType} repeated={f.IsRepeated} map={f.IsMap} oneof={f.RealContainingOneof?.Name} " +
        (f.FieldType switch
        {
            FieldType.Message => f.MessageType.FullName,
            FieldType.Enum => f.EnumType.FullName,
            _ => "",
        });

    [Fact]
    public void Every_message_and_field_declared_by_the_host_matches_the_workers_compiled_contract()
    {
        var theirs = Messages(Workers());
        var ours = Messages(Ours);
        Assert.Equal("AzureFunctionsRpcMessages", Ours.Package);
        Assert.True(ours.Count >= 20, $"only {ours.Count} messages declared");
        var checkedFields = 0;
        foreach (var (name, message) in ours)
        {
            Assert.True(theirs.TryGetValue(name, out var reference), $"{name} is not in the worker's contract");
            foreach (var field in message.Fields.InFieldNumberOrder())
            {
                var same = reference!.FindFieldByName(field.Name);
                Assert.True(same is not null, $"{name}.{field.Name} is not in the worker's contract");
                Assert.Equal(Shape(same!), Shape(field));
                checkedFields++;
            }
        }
        Assert.True(checkedFields >= 80, $"only {checkedFields} fields checked");
    }

    [Fact]
    public void Every_enum_value_declared_by_the_host_has_the_workers_number()
    {
        var theirs = Messages(Workers());
        foreach (var (name, message) in Messages(Ours))
            foreach (var e in message.EnumTypes)
            {
                var reference = theirs[name].EnumTypes.Single(x => x.Name == e.Name);
                foreach (var v in e.Values)
                    Assert.Equal(reference.FindValueByName(v.Name)?.Number, v.Number);
            }
    }

    [Fact]
    public void The_event_stream_is_the_same_bidirectional_method()
    {
        var ours = Ours.Services.Single().Methods.Single();
        var theirs = Workers().Services.Single(s => s.FullName == ours.Service.FullName).FindMethodByName(ours.Name);
        Assert.Equal("AzureFunctionsRpcMessages.FunctionRpc", ours.Service.FullName);
        Assert.NotNull(theirs);
        Assert.Equal((theirs.IsClientStreaming, theirs.IsServerStreaming, theirs.InputType.FullName, theirs.OutputType.FullName),
            (ours.IsClientStreaming, ours.IsServerStreaming, ours.InputType.FullName, ours.OutputType.FullName));
    }
}
