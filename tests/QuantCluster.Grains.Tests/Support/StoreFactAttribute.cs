using Xunit.Sdk;

namespace QuantCluster.Grains.Tests.Support;

/// <summary>
/// A fact of the store's contract. The contract's tests are declared once, in the abstract base, so
/// whether one needs the database depends on the class running it, not on the method: the
/// discoverer asks the class (<see cref="UsesTestServerAttribute"/>).
/// </summary>
[XunitTestCaseDiscoverer("QuantCluster.Grains.Tests.Support.StoreFactDiscoverer", "QuantCluster.Grains.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;
