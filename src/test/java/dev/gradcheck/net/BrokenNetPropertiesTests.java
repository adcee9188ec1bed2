package dev.gradcheck.net;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradcheck.check.Checkable;
import dev.gradcheck.check.Variable;
import dev.gradcheck.support.PropertyRun;
import dev.gradcheck.tensor.Tensor;
import dev.gradcheck.tensor.TensorOps;
import dev.gradcheck.testkit.NetCase;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The net's gradient property bites: run through jqwik against a net whose backpropagation forgets
 * to average b2's gradient over the batch, it fails and shrinks to the smallest net and batch that
 * show it. (The values need not reach 0: the cases keep a distance from the hidden Relu's kinks.)
 */
class BrokenNetPropertiesTests {

    /** A net whose dL/db2 is summed over the batch instead of averaged: right for one row only. */
    static final class B2NotAveraged implements Checkable {
        private final Checkable net;
        private final int rows;

        B2NotAveraged(NetCase c) {
            this.net = c.checkable();
            this.rows = c.x().dim(0);
        }

        @Override public String name() {
            return "TwoLayerNetWithB2NotAveraged";
        }

        @Override public List<Variable> variables() {
            return net.variables();
        }

        @Override public double loss() {
            return net.loss();
        }

        @Override public double lossScale() {
            return net.lossScale();
        }

        @Override public Map<String, Tensor> analyticGradient() {
            Map<String, Tensor> grads = new LinkedHashMap<>(net.analyticGradient());
            grads.put("b2", TensorOps.scale(grads.get("b2"), rows));
            return grads;
        }
    }

    static class B2NotAveragedSpecimen extends TwoLayerNetProperties {
        @Override Checkable checkable(NetCase c) {
            return new B2NotAveraged(c);
        }
    }

    @TempDir
    Path database;

    @Test
    void aNetWithB2NotAveragedFailsTheGradientPropertyShrunkToTwoRows() {
        PropertyRun run = PropertyRun.of(B2NotAveragedSpecimen.class, "gradientMatchesCentralDifference",
                database.resolve("jqwik-database"), Map.of());
        assertTrue(run.failed());
        assertTrue(run.message().startsWith("[gradient mismatch] TwoLayerNetWithB2NotAveraged: gradient check FAILED for b2 ("),
                run.report());
        assertTrue(run.shrunkSample().matches("TwoLayerNet\\(1, 1, 2\\): x \\(2, 1\\) .*"), "one input, one hidden unit, two classes, two rows: "
                + run.report());
    }
}
