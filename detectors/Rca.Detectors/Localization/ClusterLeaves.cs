namespace Rca.Detectors.Localization;

/// <summary>
/// The leaves of one abnormal cluster after expansion, with the summed Poisson weight of each
/// leaf's clustered points, and the contrast set the cluster is scored against.
/// </summary>
/// <param name="Cluster">The cluster's score range and mean deviation.</param>
/// <param name="Leaves">Valid-leaf indices, ascending.</param>
/// <param name="Weights">The summed weight of each leaf's points in the cluster.</param>
/// <param name="PointCount">The number of (leaf, slot) points in the cluster.</param>
internal sealed record ClusterLeaves(DeviationCluster Cluster, int[] Leaves, double[] Weights, int PointCount);
