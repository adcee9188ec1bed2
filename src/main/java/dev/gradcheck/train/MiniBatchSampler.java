package dev.gradcheck.train;

import dev.gradcheck.data.Dataset;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Draws mini-batches as the book does, {@code np.random.choice(train_size, batch_size)}: each
 * index uniformly and independently, with replacement, from Commons Math's Well19937c seeded with
 * {@code seed}, so a seed gives the same sequence of batches on every machine.
 */
public final class MiniBatchSampler {

    /** The examples drawn from. */
    private final Dataset data;

    /** Examples per batch. */
    private final int batchSize;

    /** Seeded source of the indices. */
    private final RandomGenerator random;

    public MiniBatchSampler(Dataset data, int batchSize, long seed) {
        if (batchSize < 1 || batchSize > data.size()) {
            throw new IllegalArgumentException("batch size " + batchSize + " must be between 1 and the "
                    + data.size() + " training examples");
        }
        this.data = data;
        this.batchSize = batchSize;
        this.random = new Well19937c(seed);
    }

    /** The row indices of the next batch. */
    public int[] nextIndices() {
        int[] rows = new int[batchSize];
        for (int i = 0; i < batchSize; i++) {
            rows[i] = random.nextInt(data.size());
        }
        return rows;
    }

    /** The next batch, copied out of the data. */
    public Dataset next() {
        return data.rows(nextIndices());
    }
}
