using CsCheck;

namespace Appeals.Core.Tests.Remittances.X12;

/// <summary>Random edits of a valid file, biased towards the bytes that carry X12 structure.</summary>
internal static class Mutations
{
    internal enum Kind { Insert, Delete, Replace, Truncate }

    internal sealed record Mutation(Kind Kind, double At, int Length, byte Value)
    {
        public override string ToString() => $"{Kind}@{At:F3}x{Length}:{Value}";
    }

    private static readonly Gen<byte> Interesting = Gen.OneOf(Gen.Byte, Gen.OneOf("*~:^|>\n\r ISAETGCLPV0-.".Select(c => (byte)c).ToArray()));

    private static readonly Gen<Mutation> One =
        Gen.Select(Gen.Enum<Kind>(), Gen.Double[0, 1], Gen.Int[1, 40], Interesting, (k, at, n, v) => new Mutation(k, at, n, v));

    internal static readonly Gen<Mutation[]> Many = One.Array[1, 6];

    internal static byte[] Apply(byte[] original, IEnumerable<Mutation> mutations)
    {
        var bytes = new List<byte>(original);
        foreach (var m in mutations)
        {
            var at = (int)(m.At * bytes.Count);
            switch (m.Kind)
            {
                case Kind.Insert: bytes.InsertRange(at, Enumerable.Repeat(m.Value, m.Length % 4 + 1)); break;
                case Kind.Delete: bytes.RemoveRange(at, Math.Min(m.Length, bytes.Count - at)); break;
                case Kind.Replace: if (at < bytes.Count) bytes[at] = m.Value; break;
                case Kind.Truncate: bytes.RemoveRange(at, bytes.Count - at); break;
            }
        }
        return [.. bytes];
    }
}
