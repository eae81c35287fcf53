using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCollectionOrderer("Realty.Live.E2E.LongestFirst", "Realty.Live.E2E")]

namespace Realty.Live.E2E;

/// <summary>Marks a collection definition whose tests take minutes.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class LongRunningAttribute : Attribute;

/// <summary>
/// Starts the minutes-long collections first. xunit runs only a few collections at once, so the
/// suite then lasts as long as its longest collection, not that plus whatever was queued before it.
/// </summary>
public sealed class LongestFirst : ITestCollectionOrderer
{
    private static readonly string LongRunning = typeof(LongRunningAttribute).AssemblyQualifiedName!;

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderByDescending(c => c.CollectionDefinition?.GetCustomAttributes(LongRunning).Any() == true);
}
