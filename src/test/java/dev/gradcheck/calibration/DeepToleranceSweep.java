package dev.gradcheck.calibration;

/**
 * The false-positive sweep with the configured tries per unit, outside {@code mvn verify} (surefire's
 * includes do not match the name): {@code mvn -B test -Ptolerance-sweep} runs 20,000 per unit, or
 * {@code mvn -B test -Dtest=DeepToleranceSweep -Djqwik.tries.default=N} any number. The table is
 * written to {@code target/tolerance-sweep.txt}.
 */
class DeepToleranceSweep extends ToleranceSweep {
}
