using System.Numerics;

namespace Moment.Staffing.Simulation;

/// <summary>
/// The xoshiro256** pseudo-random generator (Blackman &amp; Vigna 2018, "Scrambled linear pseudorandom number
/// generators", https://prng.di.unimi.it/), seeded through SplitMix64. Our own copy, so that a seed gives the same
/// day on every machine and .NET version (System.Random's seeded algorithm is not a documented contract).
/// </summary>
internal sealed class Xoshiro256StarStar
{
    private static readonly ulong[] JumpPolynomial =
        [0x180ec6d33cfd0aba, 0xd5a61266f0c9392c, 0xa9582618e03fc9aa, 0x39abdc4529b1661c];

    private ulong s0, s1, s2, s3;

    /// <summary>A generator whose state is four SplitMix64 outputs from <paramref name="seed"/>.</summary>
    public Xoshiro256StarStar(ulong seed)
    {
        s0 = SplitMix64(ref seed);
        s1 = SplitMix64(ref seed);
        s2 = SplitMix64(ref seed);
        s3 = SplitMix64(ref seed);
    }

    /// <summary>A generator with exactly this state (not all zero), for reference vectors.</summary>
    internal Xoshiro256StarStar(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        (this.s0, this.s1, this.s2, this.s3) = (s0, s1, s2, s3);
    }

    /// <summary>
    /// Stream <paramref name="stream"/> of <paramref name="seed"/>: the seeded generator jumped 2¹²⁸ steps that many
    /// times, so streams never overlap. Arrivals, handle times, patience and callback answers each draw from their
    /// own stream, so two staffing plans run with one seed meet the very same callers (common random numbers).
    /// </summary>
    public static Xoshiro256StarStar Stream(ulong seed, int stream)
    {
        var generator = new Xoshiro256StarStar(seed);
        for (var i = 0; i < stream; i++)
            generator.Jump();
        return generator;
    }

    public ulong NextUInt64()
    {
        var result = BitOperations.RotateLeft(s1 * 5, 7) * 9;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = BitOperations.RotateLeft(s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>An exponential variate with mean 1.</summary>
    public double NextExponential() => -Math.Log(1 - NextDouble());

    /// <summary>Advances the state by 2¹²⁸ steps.</summary>
    public void Jump()
    {
        ulong t0 = 0, t1 = 0, t2 = 0, t3 = 0;
        foreach (var word in JumpPolynomial)
        {
            for (var bit = 0; bit < 64; bit++)
            {
                if ((word & (1UL << bit)) != 0)
                {
                    t0 ^= s0;
                    t1 ^= s1;
                    t2 ^= s2;
                    t3 ^= s3;
                }
                NextUInt64();
            }
        }
        (s0, s1, s2, s3) = (t0, t1, t2, t3);
    }

    private static ulong SplitMix64(ref ulong state)
    {
        var z = state += 0x9e3779b97f4a7c15;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
        z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
        return z ^ (z >> 31);
    }
}
