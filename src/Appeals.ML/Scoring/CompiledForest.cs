using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Appeals.ML.Features;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace Appeals.ML.Scoring;

/// <summary>
/// The booster's trees copied into flat arrays and evaluated by our own loop: the batch-scoring hot path
/// (ADR 0044). ML.NET's <c>Transform</c> gives the same margin but spends most of its time moving rows through
/// an IDataView; here a block of rows walks each tree while that tree is in cache. ML.NET stays the reference
/// (a test compares the two), and a model this class cannot compile keeps scoring through ML.NET.
/// </summary>
public sealed class CompiledForest
{
    /// <summary>Rows walked through one tree before the next: their features stay in L1, the tree in L2.</summary>
    private const int BlockRows = 64;

    private readonly Node[] _nodes;
    private readonly int[] _children;
    private readonly int[] _roots;
    private readonly int[] _depths;
    private readonly double _bias;

    private CompiledForest(Node[] nodes, int[] children, int[] roots, int[] depths, double bias, int width)
    {
        _nodes = nodes; _children = children; _roots = roots; _depths = depths; _bias = bias; Width = width;
    }

    /// <summary>Number of feature columns the trees may read (the widest index + 1).</summary>
    public int Width { get; }
    public int Trees => _roots.Length;

    /// <summary>
    /// A split reads <see cref="Feature"/> and goes to child 2i when the value is ≤ <see cref="Threshold"/>, else to
    /// child 2i + 1. A leaf is a node whose two children are itself and whose <see cref="Value"/> is the leaf's output
    /// (tree weight included): every row can take the tree's full depth of steps with no branch to mispredict.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct Node(int Feature, float Threshold, double Value);

    /// <summary>
    /// Compiles a binary-classification transformer whose model is a tree ensemble (LightGbm or FastTree,
    /// calibrated or not). Returns null, with the reason, for anything else (categorical splits included: our
    /// feature vectors carry no categorical slot annotations, so LightGbm never makes them).
    /// </summary>
    public static CompiledForest? TryCompile(ITransformer transformer, out string reason)
    {
        var ensemble = Ensemble(transformer);
        if (ensemble is null)
        {
            reason = $"{transformer.GetType().Name} holds no tree ensemble";
            return null;
        }
        var nodes = new List<Node>();
        var children = new List<int>();
        var roots = new int[ensemble.Trees.Count];
        var depths = new int[ensemble.Trees.Count];
        var width = 0;
        for (var t = 0; t < ensemble.Trees.Count; t++)
        {
            var tree = ensemble.Trees[t];
            if (tree.CategoricalSplitFlags.Any(f => f))
            {
                reason = $"tree {t} has categorical splits";
                return null;
            }
            // Splits first (ML.NET's node numbers offset by the base), then leaves (~leaf offset by the splits).
            int nodeBase = nodes.Count, leafBase = nodeBase + tree.NumberOfNodes;
            int At(int child) => child >= 0 ? nodeBase + child : leafBase + ~child;
            for (var n = 0; n < tree.NumberOfNodes; n++)
            {
                width = Math.Max(width, tree.NumericalSplitFeatureIndexes[n] + 1);
                nodes.Add(new Node(tree.NumericalSplitFeatureIndexes[n], tree.NumericalSplitThresholds[n], 0));
                children.Add(At(tree.LeftChild[n]));
                children.Add(At(tree.RightChild[n]));
            }
            for (var leaf = 0; leaf < tree.LeafValues.Count; leaf++)
            {
                nodes.Add(new Node(0, 0, tree.LeafValues[leaf] * ensemble.TreeWeights[t]));
                children.Add(nodes.Count - 1);
                children.Add(nodes.Count - 1);
            }
            roots[t] = tree.NumberOfNodes == 0 ? leafBase : nodeBase;
            depths[t] = Depth(tree, 0);
        }
        reason = "";
        return new CompiledForest([.. nodes], [.. children], roots, depths, ensemble.Bias, Math.Max(width, 1));
    }

    private static int Depth(RegressionTree tree, int node) =>
        tree.NumberOfNodes == 0 || node < 0 ? 0
            : 1 + Math.Max(Depth(tree, tree.LeftChild[node]), Depth(tree, tree.RightChild[node]));

    /// <summary>The ensemble inside a prediction transformer: the model itself, or the sub-model of a calibrated one.
    /// Reflection only here, at load: the calibrated wrapper's sub-model is public only on its generic type.</summary>
    private static RegressionTreeEnsemble? Ensemble(ITransformer transformer)
    {
        object? model = (transformer as ISingleFeaturePredictionTransformer<object>)?.Model;
        for (var depth = 0; depth < 3 && model is not null; depth++)
        {
            if (model is TreeEnsembleModelParametersBasedOnRegressionTree trees) return trees.TrainedTreeEnsemble;
            model = SubModel(model);
        }
        return null;
    }

    private static object? SubModel(object model)
    {
        const System.Reflection.BindingFlags Declared = System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly;
        for (var type = model.GetType(); type is not null; type = type.BaseType)
            if (type.GetProperty("SubModel", Declared) is { } property) return property.GetValue(model);
        return null;
    }

    /// <summary>The booster's margin (ML.NET's "Score" column) of every row, summed in ML.NET's tree order.</summary>
    public float[] Margins(FeatureMatrix features)
    {
        if (features.Width < Width) throw new ArgumentException($"the trees read {Width} columns; the rows have {features.Width}", nameof(features));
        var margins = new float[features.Rows];
        Span<double> sums = stackalloc double[BlockRows];
        Span<int> at = stackalloc int[BlockRows];
        for (var start = 0; start < features.Rows; start += BlockRows)
        {
            var count = Math.Min(BlockRows, features.Rows - start);
            var block = features.Values.AsSpan(start * features.Width, count * features.Width);
            sums[..count].Clear();
            for (var t = 0; t < _roots.Length; t++) AddTree(t, block, features.Width, at[..count], sums[..count]);
            for (var r = 0; r < count; r++) margins[start + r] = (float)(sums[r] + _bias);
        }
        return margins;
    }

    /// <summary>Walks every row of the block one level at a time: the rows' steps are independent, so the CPU overlaps
    /// their loads, and the child is picked by arithmetic rather than by a branch.</summary>
    private void AddTree(int tree, ReadOnlySpan<float> block, int width, Span<int> at, Span<double> sums)
    {
        ref var nodes = ref MemoryMarshal.GetArrayDataReference(_nodes);
        ref var children = ref MemoryMarshal.GetArrayDataReference(_children);
        ref var values = ref MemoryMarshal.GetReference(block);
        at.Fill(_roots[tree]);
        for (var level = _depths[tree]; level > 0; level--)
            for (var r = 0; r < at.Length; r++)
            {
                var n = at[r];
                ref readonly var node = ref Unsafe.Add(ref nodes, n);
                var right = !(Unsafe.Add(ref values, r * width + node.Feature) <= node.Threshold);
                at[r] = Unsafe.Add(ref children, 2 * n + Unsafe.As<bool, byte>(ref right));
            }
        for (var r = 0; r < at.Length; r++) sums[r] += _nodes[at[r]].Value;
    }
}
