package dev.gradcheck.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * Compares the matrix-product variants by the CPU time of the measuring thread rather than wall
 * time, so that the comparison survives a machine shared with other builds (wall-clock JMH figures
 * there swing by 2× and more). Usage: {@code java -cp target/gradcheck-bench.jar
 * dev.gradcheck.bench.CpuTimeComparison [shape]}; prints the median CPU µs per product of each variant.
 */
public final class CpuTimeComparison {

    private CpuTimeComparison() {
    }

    public static void main(String[] args) {
        MatrixProductBenchmark bench = new MatrixProductBenchmark();
        bench.shape = args.length > 0 ? args[0] : "3x784x50";
        bench.setUp();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        String[] names = {"ejml", "readWOnce", "readWOnceRows", "readWOnceRowsPairs", "rows", "rowByRow", "tiled"};
        Runnable[] variants = {bench::ejml, bench::readWOnce, bench::readWOnceRows, bench::readWOnceRowsPairs, bench::rows, bench::rowByRow,
            bench::tiled};
        for (int round = 0; round < 2; round++) {
            for (int v = 0; v < variants.length; v++) {
                double[] samples = new double[15];
                for (int s = 0; s < samples.length; s++) {
                    int reps = Math.max(10, 2000 * 3 / bench.m());
                    long start = mx.getCurrentThreadCpuTime();
                    for (int r = 0; r < reps; r++) {
                        variants[v].run();
                    }
                    samples[s] = (mx.getCurrentThreadCpuTime() - start) / 1e3 / reps;
                }
                java.util.Arrays.sort(samples);
                if (round == 1) {
                    System.out.printf(Locale.ROOT, "%-18s %s  median %8.2f us CPU per product%n", names[v], bench.shape,
                            samples[samples.length / 2]);
                }
            }
        }
    }
}
