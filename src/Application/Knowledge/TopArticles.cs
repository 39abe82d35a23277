using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace Moment.Application.Knowledge;

/// <summary>
/// The best articles for a search's query, scored term at a time: each term's articles are read once, straight through,
/// into one score per article, and the few best kept. The scores are Lucene's own (<see cref="DefaultSimilarity"/>:
/// tf-idf, field length, boosts, coord), so the articles and their order are those <see cref="IndexSearcher"/> finds.
/// </summary>
/// <remarks>
/// Lucene.Net's scorer for a query of OR'ed words, each word a sum of its terms in each field, cost about 70 ns for
/// each article of each term; a question of common words reads hundreds of thousands of them. Read straight into an
/// array they cost a fifth of that. A term met twice in one word (a Swedish word and its compound parts often stem to
/// the same term: "biljetterna" gives "biljett" four times) is read once at the sum of its weights, which scores the same.
/// Not scored here (null: Lucene's own search then): phrases, wildcards and anything but OR'ed terms.
/// </remarks>
internal static class TopArticles
{
    private static readonly DefaultSimilarity Similarity = new();
    private static readonly float[] NormTable = [.. Enumerable.Range(0, 256).Select(b => Similarity.DecodeNormValue(b))];
    private static readonly float[] TfTable = [.. Enumerable.Range(0, 32).Select(f => Similarity.Tf(f))];

    // A segment's field-length norms, decoded once per field: read for every article of every term, each had been a
    // lookup in packed bits and a table. Kept as long as the segment is.
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, float[]>> DecodedNorms = [];

    // Score arrays as long as the index, reused: a search allocated three of them otherwise.
    private static readonly ConcurrentBag<Scores> Pool = [];

    /// <summary>
    /// The best <paramref name="max"/> articles, best first (of equal scores the earlier article, as Lucene's collector
    /// keeps), only those the filter accepts; null for a query of a kind this does not score (the caller asks Lucene).
    /// </summary>
    public static ScoreDoc[]? Find(IndexSearcher searcher, Query query, Filter? filter, int max)
    {
        if (Node.From(query) is not { } root)
            return null;
        var context = searcher.TopReaderContext;
        root.Prepare(context, searcher.IndexReader.MaxDoc);
        // As IndexSearcher.CreateNormalizedWeight: the same factor for every article, kept so the scores are Lucene's.
        var norm = Similarity.QueryNorm(root.SumOfSquares());
        root.Normalize(float.IsInfinity(norm) || float.IsNaN(norm) ? 1f : norm, 1f);

        var scores = Rent(searcher.IndexReader.MaxDoc);
        try
        {
            if (root is Sum { HasCoord: true } sum)
            {
                sum.AddClauses(scores, context.Leaves);
                return Best(scores, sum.Coord, context.Leaves, filter, max);
            }

            root.AddTo(scores, context.Leaves, clause: 1);
            return Best(scores, [1f, 1f], context.Leaves, filter, max);
        }
        finally
        {
            Return(scores);
        }
    }

    private static ScoreDoc[] Best(Scores scores, float[] coord, IList<AtomicReaderContext> leaves, Filter? filter, int max)
    {
        var accepted = filter is null ? null : leaves.Select(leaf => Accepted(filter, leaf)).ToArray();
        // The worst of the best on top; of equal scores the later article is the worse.
        var best = new PriorityQueue<int, (float Score, int Doc)>(max + 1,
            Comparer<(float Score, int Doc)>.Create((a, b) => a.Score != b.Score ? a.Score.CompareTo(b.Score) : b.Doc.CompareTo(a.Doc)));
        var leaf = 0;
        for (var doc = 0; doc < scores.Size; doc++)
        {
            var overlap = scores.Overlap[doc];
            if (overlap == 0)
                continue;
            while (leaf + 1 < leaves.Count && doc >= leaves[leaf + 1].DocBase)
                leaf++;
            if (accepted is not null && !accepted[leaf].Get(doc - leaves[leaf].DocBase))
                continue;
            var score = scores.Score[doc] * coord[overlap];
            if (best.Count < max)
                best.Enqueue(doc, (score, doc));
            else if (best.TryPeek(out _, out var worst) && (score > worst.Score || (score == worst.Score && doc < worst.Doc)))
                best.EnqueueDequeue(doc, (score, doc));
        }

        var result = new ScoreDoc[best.Count];
        for (var i = result.Length - 1; i >= 0; i--)
        {
            best.TryDequeue(out var doc, out var key);
            result[i] = new ScoreDoc(doc, key.Score);
        }

        return result;
    }

    private static IBits Accepted(Filter filter, AtomicReaderContext leaf)
    {
        var set = filter.GetDocIdSet(leaf, leaf.AtomicReader.LiveDocs);
        if (set?.Bits is { } bits)
            return bits;
        var collected = new FixedBitSet(leaf.AtomicReader.MaxDoc);
        if (set?.GetIterator() is { } iterator)
            collected.Or(iterator);
        return collected;
    }

    private static float[] LengthNorms(AtomicReader reader, string field) =>
        DecodedNorms.GetOrCreateValue(reader.CoreCacheKey).GetOrAdd(field, f =>
        {
            var decoded = new float[reader.MaxDoc];
            if (reader.GetNormValues(f) is not { } norms)
            {
                Array.Fill(decoded, 1f);
                return decoded;
            }

            for (var doc = 0; doc < decoded.Length; doc++)
                decoded[doc] = NormTable[(int)(norms.Get(doc) & 0xFF)];
            return decoded;
        });

    private static Scores Rent(int maxDoc)
    {
        while (Pool.TryTake(out var scores))
        {
            if (scores.Capacity >= maxDoc)
            {
                scores.Size = maxDoc;
                return scores;
            }
        }

        return new Scores(maxDoc);
    }

    private static void Return(Scores scores)
    {
        scores.Clear();
        Pool.Add(scores);
    }

    /// <summary>A score for each article, how many of the query's clauses it matched, and the clause that last counted it.</summary>
    private sealed class Scores(int capacity)
    {
        public float[] Score { get; } = new float[capacity];

        public int[] Overlap { get; } = new int[capacity];

        public int[] Last { get; } = new int[capacity];

        public int Capacity => Score.Length;

        public int Size { get; set; } = capacity;

        /// <summary>Adds a clause's score; the clause counts once for the coord however many of its terms match.</summary>
        public void Add(int doc, float score, int clause)
        {
            if (Last[doc] != clause)
            {
                Last[doc] = clause;
                Overlap[doc]++;
            }

            Score[doc] += score;
        }

        public void Clear()
        {
            Array.Clear(Score, 0, Size);
            Array.Clear(Overlap, 0, Size);
            Array.Clear(Last, 0, Size);
        }
    }

    /// <summary>A query as scored here: a term (tf-idf, or a constant as a fuzzy query's words) or a sum of clauses (with or without coord).</summary>
    private abstract class Node
    {
        public static Node? From(Query query) => query switch
        {
            TermQuery term => new TermNode(term.Term, term.Boost, constant: false),
            ConstantScoreQuery { Query: TermQuery term } constant => new TermNode(term.Term, constant.Boost, constant: true),
            BooleanQuery boolean when IsSum(boolean) => Sum.From(boolean),
            _ => null,
        };

        protected static bool IsSum(BooleanQuery query) => query.MinimumNumberShouldMatch == 0 && query.Clauses.All(c => c.Occur == Occur.SHOULD);

        /// <summary>How many articles hold each term, and where its articles are in each segment.</summary>
        public abstract void Prepare(IndexReaderContext context, int maxDoc);

        /// <summary>As Lucene's <see cref="Weight.GetValueForNormalization"/>.</summary>
        public abstract float SumOfSquares();

        /// <summary>As Lucene's <see cref="Weight.Normalize"/>: the query norm and the boosts of the sums above.</summary>
        public abstract void Normalize(float norm, float boost);

        /// <summary>Adds this node's score for each article it matches to the scores, as the clause numbered <paramref name="clause"/>.</summary>
        public abstract void AddTo(Scores scores, IList<AtomicReaderContext> leaves, int clause);
    }

    private sealed class TermNode(Term term, float boost, bool constant) : Node
    {
        private TermContext? _states;
        private float _idf;
        private float _value;

        public Term Term { get; } = term;

        public bool Constant { get; } = constant;

        public float Boost { get; private set; } = boost;

        // Each copy of a term met twice counts on its own in the query norm, as in Lucene's sum of its clauses.
        private float _squaredBoosts = boost * boost;

        /// <summary>Carries the boosts of the plain sums above down to this term.</summary>
        public void Carry(float factor)
        {
            Boost *= factor;
            _squaredBoosts *= factor * factor;
        }

        /// <summary>Another copy of this term in the same plain sum: read once, weighing both.</summary>
        public void Merge(TermNode copy)
        {
            Boost += copy.Boost;
            _squaredBoosts += copy._squaredBoosts;
        }

        public override void Prepare(IndexReaderContext context, int maxDoc)
        {
            _states = TermContext.Build(context, Term);
            _idf = Similarity.Idf(_states.DocFreq, maxDoc);
        }

        public override float SumOfSquares() => Constant ? _squaredBoosts : _idf * _idf * _squaredBoosts;

        // Lucene's TFIDFSimilarity.IDFStats and ConstantScoreQuery's weight, in the same order of operations.
        public override void Normalize(float norm, float boost) =>
            _value = Constant ? Boost * (norm * boost) : _idf * Boost * (norm * boost) * _idf;

        public override void AddTo(Scores scores, IList<AtomicReaderContext> leaves, int clause)
        {
            DocsEnum? docs = null;
            foreach (var leaf in leaves)
            {
                if (_states!.Get(leaf.Ord) is not { } state)
                    continue;
                var reader = leaf.AtomicReader;
                var terms = reader.GetTerms(Term.Field).GetEnumerator();
                terms.SeekExact(Term.Bytes, state);
                docs = terms.Docs(reader.LiveDocs, docs, Constant ? DocsFlags.NONE : DocsFlags.FREQS);
                var docBase = leaf.DocBase;
                int doc;
                if (Constant)
                {
                    while ((doc = docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
                        scores.Add(docBase + doc, _value, clause);
                    continue;
                }

                var norms = LengthNorms(reader, Term.Field);
                var value = _value;
                var score = scores.Score;
                var overlap = scores.Overlap;
                var last = scores.Last;
                while ((doc = docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
                {
                    // Lucene's TFIDFSimScorer: tf(freq) × the term's weight × the field's length norm.
                    var freq = docs.Freq;
                    var at = docBase + doc;
                    score[at] += (freq < TfTable.Length ? TfTable[freq] : Similarity.Tf(freq)) * value * norms[doc];
                    if (last[at] != clause)
                    {
                        last[at] = clause;
                        overlap[at]++;
                    }
                }
            }
        }
    }

    private sealed class Sum(List<Node> clauses, float boost, bool coord, int maxCoord) : Node
    {
        // As Lucene's BooleanWeight.Coord: matched clauses over all clauses (1 for a single clause).
        private readonly float[] _coord = [.. Enumerable.Range(0, maxCoord + 1).Select(i => !coord || maxCoord == 1 ? 1f : Similarity.Coord(i, maxCoord))];

        public bool HasCoord => coord;

        /// <summary>The factor for how many clauses an article matched.</summary>
        public float[] Coord => _coord;

        public static Sum? From(BooleanQuery query)
        {
            var clauses = new List<Node>();
            if (query.CoordDisabled)
            {
                // A plain sum: the plain sums in it are summed here, their boosts carried down to their terms.
                if (!Flatten(query, 1f, clauses, []))
                    return null;
                return new Sum(clauses, query.Boost, coord: false, 1);
            }

            foreach (var clause in query.Clauses)
            {
                if (From(clause.Query) is not { } node)
                    return null;
                clauses.Add(node);
            }

            return new Sum(clauses, query.Boost, coord: true, query.Clauses.Count);
        }

        private static bool Flatten(BooleanQuery query, float boost, List<Node> clauses, Dictionary<(Term, bool), TermNode> terms)
        {
            foreach (var clause in query.Clauses)
            {
                if (clause.Query is BooleanQuery { CoordDisabled: true } plain && IsSum(plain))
                {
                    if (!Flatten(plain, boost * plain.Boost, clauses, terms))
                        return false;
                    continue;
                }

                if (From(clause.Query) is not { } node)
                    return false;
                if (node is TermNode term)
                {
                    term.Carry(boost);
                    if (terms.TryGetValue((term.Term, term.Constant), out var known))
                    {
                        known.Merge(term);
                        continue;
                    }

                    terms[(term.Term, term.Constant)] = term;
                }
                else if (node is Sum sum)
                {
                    sum.CarryBoost(boost);
                }

                clauses.Add(node);
            }

            return true;
        }

        public override void Prepare(IndexReaderContext context, int maxDoc)
        {
            foreach (var clause in clauses)
                clause.Prepare(context, maxDoc);
        }

        public override float SumOfSquares() => clauses.Sum(c => c.SumOfSquares()) * boost * boost;

        public override void Normalize(float norm, float above)
        {
            foreach (var clause in clauses)
                clause.Normalize(norm, above * boost);
        }

        public override void AddTo(Scores scores, IList<AtomicReaderContext> leaves, int clause)
        {
            if (!coord)
            {
                foreach (var node in clauses)
                    node.AddTo(scores, leaves, clause);
                return;
            }

            // The coord needs how many of this sum's own clauses an article matched: counted apart, then added as one clause.
            var own = Rent(scores.Size);
            try
            {
                AddClauses(own, leaves);
                for (var doc = 0; doc < own.Size; doc++)
                {
                    if (own.Overlap[doc] != 0)
                        scores.Add(doc, own.Score[doc] * _coord[own.Overlap[doc]], clause);
                }
            }
            finally
            {
                Return(own);
            }
        }

        /// <summary>Each clause as a clause of its own: the top of the query, whose coord is applied with the best.</summary>
        public void AddClauses(Scores scores, IList<AtomicReaderContext> leaves)
        {
            for (var i = 0; i < clauses.Count; i++)
                clauses[i].AddTo(scores, leaves, i + 1);
        }

        /// <summary>Carries the boosts of the plain sums this one was lifted out of.</summary>
        private void CarryBoost(float factor) => boost *= factor;
    }
}
