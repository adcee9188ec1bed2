package dev.gradcheck.check;

import java.util.Arrays;
import java.util.SplittableRandom;

/** A seeded sample of a tensor's flat indices, without repetition, in increasing order. */
final class ElementSample {

    private ElementSample() {
    }

    /** {@code count} of the indices 0 … n-1 drawn with {@code seed}, sorted; all of them if count >= n. */
    static int[] of(int n, int count, long seed) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        if (count >= n) {
            return all;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int k = 0; k < count; k++) {
            int j = k + random.nextInt(n - k);
            int swap = all[k];
            all[k] = all[j];
            all[j] = swap;
        }
        int[] sample = Arrays.copyOf(all, count);
        Arrays.sort(sample);
        return sample;
    }
}
