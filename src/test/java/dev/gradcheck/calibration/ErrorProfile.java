package dev.gradcheck.calibration;

import dev.gradcheck.check.CheckReport;
import dev.gradcheck.check.TensorReport;
import dev.gradcheck.check.Tolerance;
import java.util.Locale;

/**
 * How large a check's element errors |A - N| were, measured in the units of the verdict
 * {@code |A - N| <= atol + rtol·|N| + rounding·ulp(S)/h}:
 * <ul>
 *   <li>{@code ratio}: |A - N| over the whole bound; the verdict passes an element at ratio <= 1;</li>
 *   <li>{@code ulps}: the rounding allowance the element needs beyond atol and rtol·|N|, in rounding
 *       units ulp(S)/h (the default allows 256 of them);</li>
 *   <li>{@code relative}: the rtol the element needs beyond atol and the rounding allowance,
 *       (|A - N| - atol - rounding·ulp(S)/h) / |N|.</li>
 * </ul>
 * Each is the largest over the report's elements. Tensors in which the checker took a second look at
 * some element (rechecked at a smaller step or skipped as a kink) are counted, not measured: their
 * numerical values come from another step, with another allowance.
 *
 * @param elements      elements measured
 * @param secondLook    elements of tensors left out because some element was rechecked or skipped
 * @param ratio         largest |A - N| / bound
 * @param ulps          largest (|A - N| - atol - rtol·|N|) / (ulp(S)/h), 0 if none needs any rounding allowance
 * @param relative      largest (|A - N| - atol - rounding·ulp(S)/h) / |N|, 0 if none needs any rtol
 */
public record ErrorProfile(long elements, long secondLook, double ratio, double ulps, double relative) {

    /** Nothing measured yet. */
    public static final ErrorProfile EMPTY = new ErrorProfile(0, 0, 0, 0, 0);

    /** The profile of every element of {@code report} (which must carry its loss scale). */
    public static ErrorProfile of(CheckReport report) {
        Tolerance tolerance = report.options().tolerance();
        double unit = report.roundingUnit() * report.options().stencil().roundingGain();
        double floor = tolerance.rounding() * unit;
        long elements = 0, secondLook = 0;
        double ratio = 0, ulps = 0, relative = 0;
        for (TensorReport t : report.tensors()) {
            if (t.rechecked() > 0 || t.skipped() > 0) {
                secondLook += t.elements();
                continue;
            }
            for (int i = 0; i < t.elements(); i++) {
                double a = t.analytic().get(i), n = t.numeric().get(i), diff = Math.abs(a - n);
                elements++;
                ratio = Math.max(ratio, diff / tolerance.bound(n, floor));
                double roundingNeeded = diff - tolerance.atol() - tolerance.rtol() * Math.abs(n);
                if (roundingNeeded > 0) {
                    ulps = Math.max(ulps, roundingNeeded / unit);
                }
                double relativeNeeded = diff - tolerance.atol() - floor;
                if (relativeNeeded > 0) {
                    relative = Math.max(relative, relativeNeeded / Math.abs(n));
                }
            }
        }
        return new ErrorProfile(elements, secondLook, ratio, ulps, relative);
    }

    /** The larger of each figure, the sum of the counts. */
    public ErrorProfile merge(ErrorProfile other) {
        return new ErrorProfile(elements + other.elements, secondLook + other.secondLook, Math.max(ratio, other.ratio),
                Math.max(ulps, other.ulps), Math.max(relative, other.relative));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d elements (%d after a second look), max ratio %.3g, max %.3g ulps, max relative %.3g",
                elements, secondLook, ratio, ulps, relative);
    }
}
