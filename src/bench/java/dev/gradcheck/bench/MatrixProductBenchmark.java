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

    /** The kept kernel: W read once for all batch rows. */
    @Benchmark
    public double[] readWOnce() {
        MatrixProduct.multiply(a, b, c, m, k, n);
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

    /** Column blocks of 4 with scalar accumulators for 3 rows at a time (register tiling by hand). */
    @Benchmark
    public double[] registerTiled() {
        int i = 0;
        for (; i + 3 <= m; i += 3) {
            int r0 = i * k, r1 = r0 + k, r2 = r1 + k;
            int j = 0;
            for (; j + 4 <= n; j += 4) {
                double c00 = a[r0] * b[j], c01 = a[r0] * b[j + 1], c02 = a[r0] * b[j + 2], c03 = a[r0] * b[j + 3];
                double c10 = a[r1] * b[j], c11 = a[r1] * b[j + 1], c12 = a[r1] * b[j + 2], c13 = a[r1] * b[j + 3];
                double c20 = a[r2] * b[j], c21 = a[r2] * b[j + 1], c22 = a[r2] * b[j + 2], c23 = a[r2] * b[j + 3];
                for (int p = 1; p < k; p++) {
                    int bp = p * n + j;
                    double b0 = b[bp], b1 = b[bp + 1], b2 = b[bp + 2], b3 = b[bp + 3];
                    double x0 = a[r0 + p], x1 = a[r1 + p], x2 = a[r2 + p];
                    c00 += x0 * b0; c01 += x0 * b1; c02 += x0 * b2; c03 += x0 * b3;
                    c10 += x1 * b0; c11 += x1 * b1; c12 += x1 * b2; c13 += x1 * b3;
                    c20 += x2 * b0; c21 += x2 * b1; c22 += x2 * b2; c23 += x2 * b3;
                }
                int o = i * n + j;
                c[o] = c00; c[o + 1] = c01; c[o + 2] = c02; c[o + 3] = c03;
                c[o + n] = c10; c[o + n + 1] = c11; c[o + n + 2] = c12; c[o + n + 3] = c13;
                c[o + 2 * n] = c20; c[o + 2 * n + 1] = c21; c[o + 2 * n + 2] = c22; c[o + 2 * n + 3] = c23;
            }
            for (; j < n; j++) {
                for (int r = i; r < i + 3; r++) {
                    double s = a[r * k] * b[j];
                    for (int p = 1; p < k; p++) {
                        s += a[r * k + p] * b[p * n + j];
                    }
                    c[r * n + j] = s;
                }
            }
        }
        for (; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = a[i * k] * b[j];
                for (int p = 1; p < k; p++) {
                    s += a[i * k + p] * b[p * n + j];
                }
                c[i * n + j] = s;
            }
        }
        return c;
    }
}
