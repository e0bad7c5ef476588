using System.Reflection;
using System.Xml.Linq;

namespace ExposureSdk.Tests.PublicApi;

/// <summary>
/// Consistency rules over every public type of every shipped assembly (in the manner of NodaTime's
/// reflection tests): public classes are sealed, abstract or static; domain types expose no public or
/// protected setter (neither <c>set</c> nor <c>init</c>) and no mutable field; every public type is
/// documented in the generated XML file.
/// </summary>
/// <remarks>
/// Options classes (type names ending in <c>Options</c>) are exempt from the setter rule: they are plain
/// mutable classes with documented defaults, bound from configuration and validated when used.
/// The records listed in <see cref="ValidatedWithRecords"/> may have <c>init</c> accessors (never <c>set</c>):
/// they make <c>with</c> copies, and each accessor validates like the constructor (issue 11 §4; tested in
/// <c>RecommendationEqualityTests</c> and <c>InitiativeEqualityTests</c>). An instance is still immutable once made.
/// </remarks>
public sealed class PublicTypeRulesTests
{
    public static TheoryData<string> Assemblies => ShippedAssemblies.Names();

    /// <summary>Sealed records whose <c>init</c> accessors validate like their constructor, so that <c>with</c> is correct.</summary>
    private static readonly HashSet<Type> ValidatedWithRecords = [typeof(Recommendation), typeof(Initiative)];

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void PublicClasses_AreSealedAbstractOrStatic(string assemblyName)
    {
        var offenders = PublicTypes(assemblyName)
            .Where(t => t.IsClass && !t.IsAbstract && !t.IsSealed && !typeof(Delegate).IsAssignableFrom(t))
            .Select(t => t.FullName)
            .ToList();

        offenders.Should().BeEmpty("every public class must be sealed, abstract or static (structs, enums, interfaces and delegates are fine)");
    }

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void PublicTypes_ExposeNoSettersOrMutableFields_ExceptOptions(string assemblyName)
    {
        var offenders = new List<string>();
        foreach (var type in PublicTypes(assemblyName).Where(t => !t.Name.EndsWith("Options", StringComparison.Ordinal) && !t.IsEnum))
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if (VisibleSurface.IsVisible(property.SetMethod)
                    && !(ValidatedWithRecords.Contains(type) && VisibleSurface.IsInit(property.SetMethod!)))
                {
                    offenders.Add($"{type.FullName}.{property.Name} has a {(VisibleSurface.IsInit(property.SetMethod!) ? "init" : "set")} accessor");
                }
            }

            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if (!field.IsLiteral && !field.IsInitOnly)
                {
                    offenders.Add($"{type.FullName}.{field.Name} is a mutable public field");
                }
            }
        }

        offenders.Should().BeEmpty("domain records and classes are immutable: get-only properties set by a validating constructor");
    }

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void PublicTypes_AreDocumentedInTheXmlFile(string assemblyName)
    {
        var assembly = ShippedAssemblies.Get(assemblyName);
        var xmlPath = Path.ChangeExtension(assembly.Location, ".xml");
        File.Exists(xmlPath).Should().BeTrue($"the build generates {Path.GetFileName(xmlPath)} next to the assembly");

        var documented = XDocument.Load(xmlPath).Descendants("member")
            .Where(m => m.Element("summary") is { } s && !string.IsNullOrWhiteSpace(s.Value) || m.Element("inheritdoc") is not null)
            .Select(m => (string?)m.Attribute("name"))
            .ToHashSet(StringComparer.Ordinal);

        var undocumented = PublicTypes(assemblyName)
            .Select(t => "T:" + t.FullName!.Replace('+', '.'))
            .Where(id => !documented.Contains(id))
            .ToList();

        undocumented.Should().BeEmpty("every public type needs a non-empty <summary> in the XML documentation");
    }

    [Fact]
    public void Rules_CatchAnUnsealedClassAndASetter()
    {
        // The rules must be able to fail: this test type breaks both.
        typeof(Mutable).IsSealed.Should().BeFalse();
        VisibleSurface.IsVisible(typeof(Mutable).GetProperty(nameof(Mutable.Value))!.SetMethod).Should().BeTrue();
        VisibleSurface.IsInit(typeof(Mutable).GetProperty(nameof(Mutable.Init))!.SetMethod!).Should().BeTrue();
    }

    /// <summary>
    /// The assembly's visible types, except those the Orleans code generator emits into the <c>OrleansCodeGen</c>
    /// namespace of ExposureSdk.Orleans (serializers, codecs and grain-call invokables, public for the runtime's
    /// sake, never declared API: the public API analyzer does not see generated code either).
    /// </summary>
    private static IEnumerable<Type> PublicTypes(string assemblyName)
        => VisibleSurface.Types(ShippedAssemblies.Get(assemblyName))
            .Where(t => t.Namespace is not { } ns || !(ns == "OrleansCodeGen" || ns.StartsWith("OrleansCodeGen.", StringComparison.Ordinal)));

#pragma warning disable CA1852 // deliberately unsealed: the rule test above needs a type that breaks the rules
    public class Mutable
#pragma warning restore CA1852
    {
        public int Value { get; set; }

        public int Init { get; init; }
    }
}
