package dev.gradcheck.layers;

import java.util.Arrays;

/**
 * A sparse change to a tensor: the flat indices of the elements that changed, in increasing order,
 * and their new values. Buffers are reused from one evaluation to the next, so describing a change
 * allocates nothing once the buffers have grown to the largest change seen.
 */
public final class Change {

    /** Flat indices of the changed elements, increasing; the first {@link #count} are live. */
    private int[] index;

    /** New value of each changed element. */
    private double[] value;

    /** Number of changed elements. */
    private int count;

    /** An empty change with room for {@code capacity} elements before growing. */
    public Change(int capacity) {
        index = new int[Math.max(capacity, 1)];
        value = new double[Math.max(capacity, 1)];
    }

    /** Forgets every element: no change. */
    public void clear() {
        count = 0;
    }

    /** Records that element {@code i} now holds {@code v}; {@code i} must exceed every index added before. */
    public void add(int i, double v) {
        if (count > 0 && i <= index[count - 1]) {
            throw new IllegalArgumentException("change indices must increase: " + i + " after " + index[count - 1]);
        }
        if (count == index.length) {
            index = Arrays.copyOf(index, 2 * count);
            value = Arrays.copyOf(value, 2 * count);
        }
        index[count] = i;
        value[count] = v;
        count++;
    }

    /** Records element {@code i} with its new value {@code v} unless {@code v} has the bits of {@code old}. */
    public void addIfChanged(int i, double v, double old) {
        if (Double.doubleToRawLongBits(v) != Double.doubleToRawLongBits(old)) {
            add(i, v);
        }
    }

    /** Number of changed elements; 0 means the tensor is unchanged. */
    public int count() {
        return count;
    }

    /** Flat index of the k-th changed element. */
    public int index(int k) {
        return index[k];
    }

    /** New value of the k-th changed element. */
    public double value(int k) {
        return value[k];
    }
}
