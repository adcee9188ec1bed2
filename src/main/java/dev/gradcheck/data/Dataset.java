package dev.gradcheck.data;

import dev.gradcheck.layers.Labels;
import dev.gradcheck.tensor.Tensor;

/**
 * Images as rows of a tensor (N, pixels) with values in [0, 1], and their class labels.
 *
 * @param images one flattened, normalised image per row
 * @param labels the class of each row, 0 to {@link #CLASSES} - 1
 */
public record Dataset(Tensor images, int[] labels) {

    /** MNIST and Fashion-MNIST have ten classes. */
    public static final int CLASSES = 10;

    public Dataset {
        images.requireRank(2, "Dataset images");
        if (images.dim(0) != labels.length) {
            throw new IllegalArgumentException("Dataset: " + images.dim(0) + " images but " + labels.length + " labels");
        }
    }

    /** Number of examples. */
    public int size() {
        return labels.length;
    }

    /** Pixels per image. */
    public int features() {
        return images.dim(1);
    }

    /** The first {@code n} examples, copied. */
    public Dataset first(int n) {
        if (n < 1 || n > size()) {
            throw new IllegalArgumentException("asked for the first " + n + " examples of a dataset of " + size());
        }
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        return rows(rows);
    }

    /** The examples at {@code rows}, in that order, copied. */
    public Dataset rows(int[] rows) {
        int cols = features();
        double[] out = new double[rows.length * cols];
        int[] outLabels = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(images.data(), rows[i] * cols, out, i * cols, cols);
            outLabels[i] = labels[rows[i]];
        }
        return new Dataset(Tensor.wrap(out, rows.length, cols), outLabels);
    }

    /** The labels as class indices, for a loss layer. */
    public Labels labelIndices() {
        return Labels.indices(labels);
    }

    /** The labels as one-hot rows (N, 10), as the book's {@code one_hot_label=True}. */
    public Tensor oneHotLabels() {
        return labelIndices().toOneHot(CLASSES);
    }
}
