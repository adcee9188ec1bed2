package dev.gradcheck.baseline;

import java.util.Locale;

/**
 * The gate's finding for one checked tensor: the recorded and the current mean |A - N|, their
 * ratio, the largest mean allowed, and the verdict. Listeners (reports) read it; {@link #message()}
 * says it in a sentence that names the check id and, where something must be done, what.
 *
 * @param id       the check
 * @param tensor   the tensor's name
 * @param recorded the recorded mean |A - N|, NaN if none was recorded
 * @param current  the mean |A - N| of this run
 * @param allowed  the largest mean that passes, NaN if none was recorded
 * @param roundingUnit {@code ulp(S)/h} of the recorded check (of this run if none was recorded): the
 *                 unit of the allowance
 * @param verdict  what the gate concluded
 * @param message  the finding in words
 */
public record BaselineComparison(CheckId id, String tensor, double recorded, double current, double allowed,
                                 double roundingUnit, Verdict verdict, String message) {

    /** What the gate concluded for one tensor. */
    public enum Verdict {
        /** The mean is bit-identical to the baseline. */
        SAME,
        /** The mean is smaller than the baseline: passes, and the baseline could be tightened by recording. */
        SHRANK,
        /** The mean grew, but by no more than the allowance. */
        WITHIN_ALLOWANCE,
        /** Record mode wrote the mean as the new baseline. */
        RECORDED,
        /** The mean grew beyond the allowance: fails. */
        REGRESSED,
        /** The baseline was recorded at another step h, so the values are not comparable: fails. */
        STEP_CHANGED,
        /** No baseline is recorded for this check and tensor: fails. */
        MISSING;

        /** Whether this verdict fails the build. */
        public boolean fails() {
            return this == REGRESSED || this == STEP_CHANGED || this == MISSING;
        }
    }

    /** {@code unit/case/tensor}: the full id of the checked tensor. */
    public String key() {
        return id.unit() + "/" + id.key(tensor);
    }

    /** current / recorded: 1 when both are 0, infinite when only the recorded one is, NaN when none was recorded. */
    public double ratio() {
        if (recorded == current) {
            return 1;
        }
        return current / recorded;
    }

    /** (current - recorded) / roundingUnit: the growth in the allowance's units; NaN if none was recorded. */
    public double growthInRoundingUnits() {
        return recorded == current ? 0 : (current - recorded) / roundingUnit;
    }

    /** Whether this comparison fails the build. */
    public boolean failed() {
        return verdict.fails();
    }

    static BaselineComparison of(CheckId id, String tensor, Baseline recorded, Baseline current, String file) {
        String key = id.unit() + "/" + id.key(tensor);
        double allowed = BaselinePolicy.allowedMean(recorded);
        double unit = recorded.roundingUnit();
        double was = recorded.meanAbsDiff();
        double now = current.meanAbsDiff();
        if (Double.doubleToLongBits(recorded.h()) != Double.doubleToLongBits(current.h())) {
            return new BaselineComparison(id, tensor, was, now, allowed, unit, Verdict.STEP_CHANGED, String.format(Locale.ROOT,
                    "%s: recorded at h = %s but checked at h = %s, so the mean |A - N| (recorded %.6e, now %.6e) is not "
                            + "comparable; if the new step is intended, re-record (%s)",
                    key, recorded.h(), current.h(), was, now, recordHint(file)));
        }
        double units = (now - was) / unit;
        String numbers = String.format(Locale.ROOT, "recorded %.6e, current %.6e, ratio %s, %+.3g rounding units "
                + "ulp(S)/h = %.3e", was, now, ratio(was, now), units, unit);
        if (now > allowed) {
            return new BaselineComparison(id, tensor, was, now, allowed, unit, Verdict.REGRESSED, String.format(Locale.ROOT,
                    "%s: mean |A - N| grew beyond its baseline: %s; allowed up to %.6e (recorded + %s units). "
                            + "If the change is intended, re-record (%s)",
                    key, numbers, allowed, trim(BaselinePolicy.GROWTH_ALLOWANCE), recordHint(file)));
        }
        if (now < was) {
            return new BaselineComparison(id, tensor, was, now, allowed, unit, Verdict.SHRANK, String.format(Locale.ROOT,
                    "%s: mean |A - N| shrank: %s; tighten the baseline by recording (%s)", key, numbers, recordHint(file)));
        }
        Verdict verdict = now == was ? Verdict.SAME : Verdict.WITHIN_ALLOWANCE;
        return new BaselineComparison(id, tensor, was, now, allowed, unit, verdict, key + ": " + numbers + "; allowed up to "
                + String.format(Locale.ROOT, "%.6e", allowed));
    }

    static BaselineComparison missing(CheckId id, String tensor, Baseline current, String file) {
        String key = id.unit() + "/" + id.key(tensor);
        return new BaselineComparison(id, tensor, Double.NaN, current.meanAbsDiff(), Double.NaN,
                current.roundingUnit(), Verdict.MISSING,
                String.format(Locale.ROOT, "%s: no baseline recorded (current mean |A - N| %.6e); a check without one "
                        + "fails. Record it and commit the file (%s)", key, current.meanAbsDiff(), recordHint(file)));
    }

    static BaselineComparison recorded(CheckId id, String tensor, Baseline previous, Baseline current, String file) {
        String key = id.unit() + "/" + id.key(tensor);
        double was = previous == null ? Double.NaN : previous.meanAbsDiff();
        return new BaselineComparison(id, tensor, was, current.meanAbsDiff(),
                BaselinePolicy.allowedMean(current), current.roundingUnit(), Verdict.RECORDED, String.format(Locale.ROOT,
                "%s: recorded mean |A - N| %.6e in %s (%s)", key, current.meanAbsDiff(), file,
                previous == null ? "new" : String.format(Locale.ROOT, "was %.6e", was)));
    }

    private static String recordHint(String file) {
        return file + "; mvn -B verify -D" + BaselineMode.PROPERTY + "=record";
    }

    private static String ratio(double was, double now) {
        return was == now ? "1" : String.format(Locale.ROOT, "%.4g", now / was);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
