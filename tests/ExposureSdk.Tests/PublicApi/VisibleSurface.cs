using System.Reflection;
using System.Runtime.CompilerServices;

namespace ExposureSdk.Tests.PublicApi;

/// <summary>
/// What a consumer of a shipped assembly sees: public types (and nested types a derived class can
/// reach), public members, and protected members of unsealed types. Used by the public type rules; the
/// surface itself is declared in each project's <c>PublicAPI.Shipped.txt</c> / <c>PublicAPI.Unshipped.txt</c>
/// and checked by the public API analyzer at build time.
/// </summary>
internal static class VisibleSurface
{
    public static IEnumerable<Type> Types(Assembly assembly)
        => assembly.GetTypes().Where(IsVisibleType);

    public static bool IsVisible(MethodBase? method)
        => method is not null && (method.IsPublic || ((method.IsFamily || method.IsFamilyOrAssembly) && !method.DeclaringType!.IsSealed));

    public static bool IsInit(MethodInfo setter)
        => setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));

    private static bool IsVisibleType(Type type)
    {
        if (type.IsNested)
        {
            var declaring = type.DeclaringType!;
            return IsVisibleType(declaring)
                && (type.IsNestedPublic || (!declaring.IsSealed && (type.IsNestedFamily || type.IsNestedFamORAssem)));
        }

        return type.IsPublic;
    }
}
