namespace Rca.Detectors.Calibration;

/// <summary>
/// Decides, window by window, whether a model's calibration has drifted, and localizes the
/// miscalibrated segments of drifted windows.
/// </summary>
/// <remarks>
/// <para>
/// A window ending at <c>t</c> is mature once <c>now ≥ t + LabelDelay</c>. A younger window is
/// judged only with a label-completion curve whose expected completion reaches
/// <see cref="CalibrationDriftOptions.MinLabelCompletion"/>, on predictions scaled by that
/// completion; otherwise it is <see cref="CalibrationState.Immature"/> and never alerts.
/// </para>
/// <para>
/// The watched metrics are the overall calibration ratio <c>P / Y</c> (out of band on either
/// side; a ratio with no labels and <c>P &gt; 0</c> counts as out of band) and each field's
/// Field-RCE (out of band only above). Each has a configured band or one learned from the last
/// <see cref="CalibrationDriftOptions.HistoryWindows"/> mature in-band windows as
/// <c>median ± k·1.4826·max(MAD, MinMadFraction·|median|)</c>, where 1.4826·MAD estimates the
/// standard deviation of normal data. Out-of-band windows do not enter the history, so a lasting
/// drift stays flagged instead of becoming the new normal. The model has drifted when a metric
/// is out of band in <see cref="CalibrationDriftOptions.ConsecutiveWindows"/> consecutive judged
/// windows.
/// </para>
/// <para>
/// The evaluation is a pure function of the windows and <c>now</c>: a window judged young with a
/// curve is judged again on its full labels once it matures.
/// </para>
/// </remarks>
public sealed class CalibrationDriftDetector
{
    private const double MadToStandardDeviation = 1.4826;

    private readonly TimeProvider _timeProvider;
    private readonly MiscalibratedSegmentLocalizer _localizer;

    /// <summary>Creates a detector; <paramref name="timeProvider"/> supplies <c>now</c> when no explicit time is passed.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public CalibrationDriftDetector(CalibrationDriftOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problem = options.Validate();
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        Options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _localizer = new MiscalibratedSegmentLocalizer(options.Localizer, options.SegmentTest, options.MinLeafPredictionSum);
    }

    /// <summary>The options in force.</summary>
    public CalibrationDriftOptions Options { get; }

    /// <summary>Checks every window at the time provider's current time.</summary>
    /// <inheritdoc cref="Evaluate(IReadOnlyList{CalibrationWindow}, DateTimeOffset, CancellationToken)"/>
    public IReadOnlyList<CalibrationCheck> Evaluate(IReadOnlyList<CalibrationWindow> windows, CancellationToken cancellationToken = default) =>
        Evaluate(windows, _timeProvider.GetUtcNow(), cancellationToken);

    /// <summary>Checks every window as of <paramref name="now"/>, oldest first.</summary>
    /// <param name="windows">The windows of one model with the same fields, in increasing order of start.</param>
    /// <param name="now">The time of the check, which decides which windows are mature.</param>
    /// <param name="cancellationToken">Cancels between windows and inside localization.</param>
    /// <returns>One check per window, in the order given.</returns>
    /// <exception cref="ArgumentException">The windows mix models or fields, or are not in increasing order of start.</exception>
    public IReadOnlyList<CalibrationCheck> Evaluate(
        IReadOnlyList<CalibrationWindow> windows, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(windows);
        CheckWindows(windows);
        var checks = new List<CalibrationCheck>(windows.Count);
        if (windows.Count == 0)
        {
            return checks;
        }

        var fieldNames = windows[0].FieldNames;
        var history = new History(Options.HistoryWindows, fieldNames.Count);
        var consecutive = 0;
        var outOfBandRun = new Queue<CalibrationWindow>();
        foreach (var window in windows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var mature = now >= window.End + Options.LabelDelay;
            var completion = 1.0;
            var judged = true;
            if (!mature)
            {
                completion = Options.LabelCompletion?.WindowFraction(window.Start, window.End, now) ?? double.NaN;
                judged = completion >= Options.MinLabelCompletion;
            }

            var scaled = completion is > 0 and < 1 ? window.WithLabelCompletion(completion) : window;
            var metrics = CalibrationMetrics.Compute(scaled, Options.FieldRceEpsilon);
            var bandChecks = CheckBands(metrics, fieldNames, history, out var missingBand);
            var outOfBand = bandChecks.Any(check => check.OutOfBand);

            CalibrationState state;
            if (!judged)
            {
                state = CalibrationState.Immature;
            }
            else if (missingBand)
            {
                state = CalibrationState.InsufficientHistory;
                consecutive = 0;
            }
            else if (outOfBand)
            {
                consecutive++;
                state = consecutive >= Options.ConsecutiveWindows ? CalibrationState.Drifted : CalibrationState.Drifting;
            }
            else
            {
                state = CalibrationState.Ok;
                consecutive = 0;
            }

            // Only mature windows that were not out of band teach the bands: young windows carry
            // the curve's estimation error, and drifted ones would widen the band around the drift.
            if (mature && (state == CalibrationState.InsufficientHistory || state == CalibrationState.Ok))
            {
                history.Add(metrics);
            }

            if (state is CalibrationState.Drifting or CalibrationState.Drifted)
            {
                outOfBandRun.Enqueue(scaled);
                if (outOfBandRun.Count > Options.ConsecutiveWindows)
                {
                    outOfBandRun.Dequeue();
                }
            }
            else if (state != CalibrationState.Immature)
            {
                outOfBandRun.Clear();
            }

            // The decision rests on the last ConsecutiveWindows out-of-band windows, so their
            // rows are localized together: pooling them multiplies each leaf's label count and
            // shrinks the sampling noise of its deviation score.
            var segments = state == CalibrationState.Drifted
                ? _localizer.Localize(Pool(outOfBandRun), cancellationToken)
                : null;
            var verdict = new CalibrationVerdict(state, bandChecks, state is CalibrationState.Drifting or CalibrationState.Drifted ? consecutive : 0, history.Count);
            checks.Add(new CalibrationCheck(window, completion, metrics, verdict, segments));
        }

        return checks;
    }

    /// <summary>
    /// Learns a band from recent values: <c>median ± k·1.4826·max(MAD, minMadFraction·|median|)</c>.
    /// </summary>
    /// <exception cref="ArgumentException">No values.</exception>
    public static MetricBand LearnBand(IReadOnlyList<double> values, double k, double minMadFraction)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("A band needs at least one value.", nameof(values));
        }

        var sorted = values.ToArray();
        var median = Median(sorted);
        var deviations = new double[sorted.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            deviations[i] = Math.Abs(sorted[i] - median);
        }

        var mad = Math.Max(Median(deviations), minMadFraction * Math.Abs(median));
        var halfWidth = k * MadToStandardDeviation * mad;
        return new MetricBand(median - halfWidth, median + halfWidth, Learned: true);
    }

    private BandCheck[] CheckBands(WindowCalibration metrics, IReadOnlyList<string> fieldNames, History history, out bool missingBand)
    {
        missingBand = false;
        var checks = new BandCheck[1 + fieldNames.Count];
        var ratioBand = Options.CalibrationRatioBand ?? Learn(history.Ratios);
        var ratio = metrics.CalibrationRatio;
        missingBand |= ratioBand is null;
        var ratioOut = ratioBand is not null &&
            (ratio is { } value ? !ratioBand.Contains(value) : metrics.Totals.PredictionSum > 0);
        checks[0] = new BandCheck(CalibrationMetric.CalibrationRatio, null, ratio, ratioBand, ratioOut);

        for (var field = 0; field < fieldNames.Count; field++)
        {
            var name = fieldNames[field];
            MetricBand? band = null;
            if (Options.FieldRceBands is not null && Options.FieldRceBands.TryGetValue(name, out var configured))
            {
                band = configured;
            }

            band ??= Learn(history.FieldRce(field));
            missingBand |= band is null;
            var rce = metrics.Fields[field].FieldRce;
            checks[field + 1] = new BandCheck(CalibrationMetric.FieldRce, name, rce, band, band is not null && rce > band.Upper);
        }

        return checks;
    }

    private static CalibrationWindow Pool(IReadOnlyCollection<CalibrationWindow> run)
    {
        if (run.Count == 1)
        {
            return run.First();
        }

        var first = run.First();
        var last = run.Last();
        var rows = new List<CalibrationRow>();
        foreach (var window in run)
        {
            rows.AddRange(window.Rows);
        }

        return new CalibrationWindow(first.Model, first.Start, last.End - first.Start, first.FieldNames, rows);
    }

    private MetricBand? Learn(IReadOnlyList<double> values) =>
        values.Count < Options.MinHistoryWindows ? null : LearnBand(values, Options.BandWidth, Options.MinMadFraction);

    private static double Median(double[] values)
    {
        Array.Sort(values);
        var middle = values.Length / 2;
        return values.Length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static void CheckWindows(IReadOnlyList<CalibrationWindow> windows)
    {
        for (var i = 1; i < windows.Count; i++)
        {
            var first = windows[0];
            var window = windows[i];
            if (window.Model != first.Model)
            {
                throw new ArgumentException($"Window {i} is of model '{window.Model}', but window 0 is of '{first.Model}'; check one model at a time.", nameof(windows));
            }

            if (!window.FieldNames.SequenceEqual(first.FieldNames))
            {
                throw new ArgumentException(
                    $"Window {i} has fields {string.Join(", ", window.FieldNames)}, but window 0 has {string.Join(", ", first.FieldNames)}.", nameof(windows));
            }

            if (window.Start <= windows[i - 1].Start)
            {
                throw new ArgumentException(
                    $"Window {i} starts at {window.Start:O}, not after window {i - 1} at {windows[i - 1].Start:O}; pass windows in increasing order of start.", nameof(windows));
            }
        }
    }

    /// <summary>The metric values of the most recent in-band mature windows.</summary>
    private sealed class History(int capacity, int fieldCount)
    {
        private readonly Queue<WindowCalibration> _windows = new();

        public int Count => _windows.Count;

        public IReadOnlyList<double> Ratios =>
            [.. _windows.Where(window => window.CalibrationRatio is not null).Select(window => window.CalibrationRatio!.Value)];

        public IReadOnlyList<double> FieldRce(int field) => [.. _windows.Select(window => window.Fields[field].FieldRce)];

        public void Add(WindowCalibration metrics)
        {
            if (metrics.Fields.Count != fieldCount)
            {
                throw new InvalidOperationException("Every window of one evaluation has the same fields.");
            }

            _windows.Enqueue(metrics);
            if (_windows.Count > capacity)
            {
                _windows.Dequeue();
            }
        }
    }
}
