package dev.gradcheck.check;

import dev.gradcheck.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Central differences of many elements of many variables, split across threads. Each thread makes
 * its own {@link PerturbedLoss} (its own copy of the variables and buffers) and takes chunks of
 * elements from a shared counter. Each element's value depends only on the element, never on the
 * thread that computed it or on the order, so the result has the same bits for any thread count.
 */
final class ParallelCentralDifference {

    /** Elements per unit of work: large enough to make taking a chunk cheap, small enough to balance threads. */
    private static final int CHUNK = 256;

    private ParallelCentralDifference() {
    }

    /**
     * The numerical gradient of each variable at the elements listed for it ({@code indices[v]},
     * every element if null); NaN at elements not listed. The variables are read, never modified.
     */
    static Tensor[] compute(List<Variable> variables, int[][] indices, Supplier<PerturbedLoss> evaluators,
                            int threads, Stencil stencil, double h) {
        Tensor[] grads = new Tensor[variables.size()];
        List<int[]> chunks = new ArrayList<>();
        for (int v = 0; v < variables.size(); v++) {
            grads[v] = Tensor.zerosLike(variables.get(v).value());
            int count = indices[v] == null ? grads[v].size() : indices[v].length;
            if (indices[v] != null) {
                Arrays.fill(grads[v].data(), Double.NaN);
            }
            for (int from = 0; from < count; from += CHUNK) {
                chunks.add(new int[] {v, from, Math.min(from + CHUNK, count)});
            }
        }
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            PerturbedLoss loss = evaluators.get();
            for (int c = next.getAndIncrement(); c < chunks.size(); c = next.getAndIncrement()) {
                int[] chunk = chunks.get(c);
                int v = chunk[0];
                double[] w = variables.get(v).value().data();
                double[] g = grads[v].data();
                for (int k = chunk[1]; k < chunk[2]; k++) {
                    int i = indices[v] == null ? k : indices[v][k];
                    if (stencil == Stencil.CENTRAL_2) {
                        double plus = w[i] + h;
                        double minus = w[i] - h;
                        g[i] = (lossAt(loss, variables, v, i, plus) - lossAt(loss, variables, v, i, minus)) / (plus - minus);
                    } else {
                        g[i] = stencil.derivative(value -> lossAt(loss, variables, v, i, value), w[i], h);
                    }
                }
            }
        };
        int workers = Math.min(threads, chunks.size());
        if (workers <= 1) {
            worker.run();
            return grads;
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "gradcheck-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < workers; t++) {
                running.add(pool.submit(worker));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the numerical gradient", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return grads;
    }

    /** The loss with element i of variable v set to {@code value}; an exception names the variable, element and value. */
    private static double lossAt(PerturbedLoss loss, List<Variable> variables, int v, int i, double value) {
        try {
            return loss.lossWith(v, i, value);
        } catch (RuntimeException e) {
            Tensor original = variables.get(v).value();
            throw new LayerFailure("forward during the numerical gradient of " + variables.get(v).name() + " at "
                    + original.indexString(i) + " = " + value + " (originally " + original.get(i) + ")", e);
        }
    }
}
