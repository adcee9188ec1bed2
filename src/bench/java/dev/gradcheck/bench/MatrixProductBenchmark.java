package dev.gradcheck.bench;

import dev.gradcheck.tensor.MatrixProduct;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The skinny products of the check, {@code x (m, k) · W (k, n)}: EJML against the hand-written loops. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MatrixProductBenchmark {

    /** m × k × n. */
    @Param({"3x784x50", "30x784x50", "300x784x50", "3x50x10"})
    public String shape;

    private int m, k, n;
    private double[] a, b, c;
    private DMatrixRMaj ea, eb, ec;
    private double[][] aRows, bRows, cRows;

    /** Rows of a. */
    int m() {
        return m;
    }

    @Setup
    public void setUp() {
        String[] dims = shape.split("x");
        m = Integer.parseInt(dims[0]);
        k = Integer.parseInt(dims[1]);
        n = Integer.parseInt(dims[2]);
        SplittableRandom random = new SplittableRandom(1);
        a = random.doubles((long) m * k).toArray();
        b = random.doubles((long) k * n).toArray();
        c = new double[m * n];
        ea = DMatrixRMaj.wrap(m, k, a);
        eb = DMatrixRMaj.wrap(k, n, b);
        ec = DMatrixRMaj.wrap(m, n, c);
        aRows = new double[m][];
        cRows = new double[m][n];
        for (int i = 0; i < m; i++) {
            aRows[i] = java.util.Arrays.copyOfRange(a, i * k, (i + 1) * k);
        }
        bRows = new double[k][];
        for (int p = 0; p < k; p++) {
            bRows[p] = java.util.Arrays.copyOfRange(b, p * n, (p + 1) * n);
        }
    }

    /** W read once, rows of b and c as separate arrays indexed alike, so the JIT can prove the loop safe to vectorise. */
    @Benchmark
    public double[][] readWOnceRows() {
        for (int i = 0; i < m; i++) {
            double aip = aRows[i][0];
            double[] ci = cRows[i];
            double[] b0 = bRows[0];
            for (int j = 0; j < n; j++) {
                ci[j] = aip * b0[j];
            }
        }
        for (int p = 1; p < k; p++) {
            double[] bp = bRows[p];
            for (int i = 0; i < m; i++) {
                double aip = aRows[i][p];
                double[] ci = cRows[i];
                for (int j = 0; j < n; j++) {
                    ci[j] += aip * bp[j];
                }
            }
        }
        return cRows;
    }

    @Benchmark
    public double[] ejml() {
        CommonOps_DDRM.mult(ea, eb, ec);
        return c;
    }

    /** The kept kernel, {@link MatrixProduct}: 3 × 4 register tiles. */
    @Benchmark
    public double[] tiled() {
        MatrixProduct.multiply(a, b, c, m, k, n);
        return c;
    }

    /** W read once for all batch rows: for each row p of b, every row of c gets {@code a[i][p]·b[p]}. */
    @Benchmark
    public double[] readWOnce() {
        for (int i = 0; i < m; i++) {
            double aip = a[i * k];
            for (int j = 0; j < n; j++) {
                c[i * n + j] = aip * b[j];
            }
        }
        for (int p = 1; p < k; p++) {
            int bp = p * n;
            for (int i = 0; i < m; i++) {
                double aip = a[i * k + p];
                int ci = i * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += aip * b[bp + j];
                }
            }
        }
        return c;
    }

    /** Row by row, W read once per batch row (EJML's order, written out). */
    @Benchmark
    public double[] rowByRow() {
        for (int i = 0; i < m; i++) {
            int ci = i * n;
            double a0 = a[i * k];
            for (int j = 0; j < n; j++) {
                c[ci + j] = a0 * b[j];
            }
            for (int p = 1; p < k; p++) {
                double aip = a[i * k + p];
                int bp = p * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += aip * b[bp + j];
                }
            }
        }
        return c;
    }

    /** As {@link #readWOnceRows}, two rows of b per pass over c: {@code (c + a_p·b_p) + a_q·b_q}, the same order of additions. */
    @Benchmark
    public double[][] readWOnceRowsPairs() {
        for (int i = 0; i < m; i++) {
            double aip = aRows[i][0];
            double[] ci = cRows[i];
            double[] b0 = bRows[0];
            for (int j = 0; j < n; j++) {
                ci[j] = aip * b0[j];
            }
        }
        int p = 1;
        for (; p + 2 <= k; p += 2) {
            double[] bp = bRows[p];
            double[] bq = bRows[p + 1];
            for (int i = 0; i < m; i++) {
                double aip = aRows[i][p];
                double aiq = aRows[i][p + 1];
                double[] ci = cRows[i];
                for (int j = 0; j < n; j++) {
                    ci[j] = (ci[j] + aip * bp[j]) + aiq * bq[j];
                }
            }
        }
        for (; p < k; p++) {
            double[] bp = bRows[p];
            for (int i = 0; i < m; i++) {
                double aip = aRows[i][p];
                double[] ci = cRows[i];
                for (int j = 0; j < n; j++) {
                    ci[j] += aip * bp[j];
                }
            }
        }
        return cRows;
    }

    /** The kept kernel for workspaces, {@link MatrixProduct#multiplyRows}: rows of b, four at a time. */
    @Benchmark
    public double[][] rows() {
        MatrixProduct.multiplyRows(a, bRows, cRows, m, k, n, true);
        return cRows;
    }
}
