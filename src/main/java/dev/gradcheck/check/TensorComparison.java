package dev.gradcheck.check;

import dev.gradcheck.tensor.Tensor;
import java.util.stream.IntStream;

/**
 * Compares one tensor's analytic and numerical gradients element by element and sends elements that
 * fail to {@link KinkAnalysis}, producing a {@link TensorReport}.
 */
final class TensorComparison {

    /** After this many confirmed mismatches the rest are counted without a second look; the verdict is settled. */
    private static final int MAX_ANALYSED_MISMATCHES = 64;

    private TensorComparison() {
    }

    /**
     * Compares the elements listed in {@code indices} (increasing), or every element if it is null.
     * {@code allowance}, if not null, is added per element to the rounding floor: the
     * {@link PredictedBound} of each element's truncation error.
     */
    static TensorReport compare(Variable variable, Tensor analytic, Tensor numeric, ElementLoss loss, double f0,
                                double roundingFloor, double[] allowance, CheckOptions options, int[] indices) {
        Tolerance tolerance = options.tolerance();
        double[] a = analytic.data();
        double[] n = numeric.data();
        int checked = 0, skipped = 0, rechecked = 0, failures = 0, worst = -1, nonFinite = -1;
        double sumAbs = 0, maxAbs = 0, maxRel = 0, worstRatio = -1;
        IntStream.Builder kinks = IntStream.builder();
        int count = indices == null ? a.length : indices.length;
        for (int k = 0; k < count; k++) {
            int i = indices == null ? k : indices[k];
            double floor = allowance == null ? roundingFloor : roundingFloor + allowance[i];
            if (!Double.isFinite(a[i]) || !Double.isFinite(n[i])) {
                nonFinite = nonFinite < 0 ? i : nonFinite;
                continue;
            }
            if (!tolerance.allows(a[i], n[i], floor) && failures < MAX_ANALYSED_MISMATCHES) {
                KinkAnalysis.Result r = KinkAnalysis.analyse(loss, variable.value().data(), i, options.h(), f0, a[i], n[i],
                        tolerance, floor);
                if (r.outcome() == KinkAnalysis.Outcome.KINK) {
                    skipped++;
                    kinks.add(i);
                    continue;
                }
                if (r.outcome() == KinkAnalysis.Outcome.RECHECKED) {
                    n[i] = r.numeric();
                    floor = r.roundingFloor();
                    rechecked++;
                }
            }
            double diff = Math.abs(a[i] - n[i]);
            checked++;
            sumAbs += diff;
            maxAbs = Math.max(maxAbs, diff);
            maxRel = Math.max(maxRel, diff / Math.max(Math.max(Math.abs(a[i]), Math.abs(n[i])), TensorReport.RELATIVE_FLOOR));
            failures += tolerance.allows(a[i], n[i], floor) ? 0 : 1;
            double bound = tolerance.bound(n[i], floor);
            double ratio = bound > 0 ? diff / bound : (diff > 0 ? Double.POSITIVE_INFINITY : 0);
            if (ratio > worstRatio) {
                worstRatio = ratio;
                worst = i;
            }
        }
        return new TensorReport(variable.name(), variable.kind(), analytic.shape(), checked, skipped, rechecked, failures,
                checked == 0 ? Double.NaN : sumAbs / checked, maxAbs, maxRel, worst,
                worst < 0 ? Double.NaN : a[worst], worst < 0 ? Double.NaN : n[worst], nonFinite,
                analytic, numeric, options.maxSkippedFraction(),
                indices == null ? TensorReport.EVERY_ELEMENT : TensorReport.SAMPLED, count, kinks.build().toArray());
    }
}
