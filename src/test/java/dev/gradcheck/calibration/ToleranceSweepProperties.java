package dev.gradcheck.calibration;

import net.jqwik.api.PropertyDefaults;

/** The false-positive sweep as {@code mvn verify} runs it: 100 random cases per unit, 1,200 in all. */
@PropertyDefaults(tries = 100)
class ToleranceSweepProperties extends ToleranceSweep {
}
