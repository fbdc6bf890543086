using Xunit.Abstractions;
using Xunit.Sdk;

namespace QuantCluster.Grains.Tests.Support;

/// <summary>A test case that is skipped, saying how to run it, when its class uses the test server and none is given.</summary>
public sealed class StoreTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public StoreTestCase()
    {
    }

    public StoreTestCase(
        IMessageSink diagnosticMessageSink, TestMethodDisplay defaultMethodDisplay, TestMethodDisplayOptions defaultMethodDisplayOptions,
        ITestMethod testMethod)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod)
    {
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute)
    {
        bool usesServer = TestMethod.TestClass.Class.GetCustomAttributes(typeof(UsesTestServerAttribute)).Any();
        return usesServer && TestServer.SkipReason is { } reason ? reason : base.GetSkipReason(factAttribute);
    }
}
