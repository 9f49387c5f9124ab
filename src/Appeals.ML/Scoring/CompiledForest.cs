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
    private readonly int[] _roots;
    private readonly double[] _leaves;
    private readonly double _bias;

    private CompiledForest(Node[] nodes, int[] roots, double[] leaves, double bias, int width)
    {
        _nodes = nodes; _roots = roots; _leaves = leaves; _bias = bias; Width = width;
    }

    /// <summary>Number of feature columns the trees may read (the widest index + 1).</summary>
    public int Width { get; }
    public int Trees => _roots.Length;

    /// <summary>A split node: go <see cref="Left"/> when the feature is ≤ the threshold. A negative child is ~leaf.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct Node(int Feature, float Threshold, int Left, int Right);

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
        var leaves = new List<double>();
        var roots = new int[ensemble.Trees.Count];
        var width = 0;
        for (var t = 0; t < ensemble.Trees.Count; t++)
        {
            var tree = ensemble.Trees[t];
            var weight = ensemble.TreeWeights[t];
            if (tree.CategoricalSplitFlags.Any(f => f))
            {
                reason = $"tree {t} has categorical splits";
                return null;
            }
            int nodeBase = nodes.Count, leafBase = leaves.Count;
            foreach (var v in tree.LeafValues) leaves.Add(v * weight);
            roots[t] = tree.NumberOfNodes == 0 ? ~leafBase : nodeBase;
            for (var n = 0; n < tree.NumberOfNodes; n++)
            {
                var feature = tree.NumericalSplitFeatureIndexes[n];
                width = Math.Max(width, feature + 1);
                nodes.Add(new Node(feature, tree.NumericalSplitThresholds[n],
                    Child(tree.LeftChild[n], nodeBase, leafBase), Child(tree.RightChild[n], nodeBase, leafBase)));
            }
        }
        reason = "";
        return new CompiledForest([.. nodes], roots, [.. leaves], ensemble.Bias, width);
    }

    private static int Child(int child, int nodeBase, int leafBase) => child >= 0 ? nodeBase + child : ~(leafBase + ~child);

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
        for (var start = 0; start < features.Rows; start += BlockRows)
        {
            var count = Math.Min(BlockRows, features.Rows - start);
            var block = features.Values.AsSpan(start * features.Width, count * features.Width);
            sums[..count].Fill(0);
            for (var t = 0; t < _roots.Length; t++) AddTree(_roots[t], block, features.Width, sums[..count]);
            for (var r = 0; r < count; r++) margins[start + r] = (float)(sums[r] + _bias);
        }
        return margins;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddTree(int root, ReadOnlySpan<float> block, int width, Span<double> sums)
    {
        ref var nodes = ref MemoryMarshal.GetArrayDataReference(_nodes);
        ref var values = ref MemoryMarshal.GetReference(block);
        for (var r = 0; r < sums.Length; r++)
        {
            var n = root;
            var rowStart = r * width;
            while (n >= 0)
            {
                ref readonly var node = ref Unsafe.Add(ref nodes, n);
                n = Unsafe.Add(ref values, rowStart + node.Feature) <= node.Threshold ? node.Left : node.Right;
            }
            sums[r] += _leaves[~n];
        }
    }
}
