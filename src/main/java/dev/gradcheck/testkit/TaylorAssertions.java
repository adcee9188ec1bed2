package dev.gradcheck.testkit;

import dev.gradcheck.check.Checkable;
import dev.gradcheck.numerics.TaylorResult;
import dev.gradcheck.numerics.TaylorTest;
import org.apiguardian.api.API;

/**
 * One-line assertion for the Taylor remainder test: fails, with the ladder of remainders, unless
 * {@code |L(x + t·d) - L(x) - t·⟨∇L, d⟩|} shrinks like t² along a random direction d.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class TaylorAssertions {

    private TaylorAssertions() {
    }

    /** Fails unless the remainder of {@code unit} along the direction from seed 42 shrinks like t². */
    public static TaylorResult assertRemainderShrinksQuadratically(Checkable unit) {
        return assertRemainderShrinksQuadratically(unit, 42);
    }

    /** Fails unless the remainder of {@code unit} along the direction from {@code seed} shrinks like t². */
    public static TaylorResult assertRemainderShrinksQuadratically(Checkable unit, long seed) {
        TaylorResult result = TaylorTest.run(unit, seed);
        if (!result.passed()) {
            throw new AssertionError("[taylor] " + result.describe());
        }
        return result;
    }
}
