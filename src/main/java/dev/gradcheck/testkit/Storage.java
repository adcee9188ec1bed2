package dev.gradcheck.testkit;

import dev.gradcheck.check.ContractViolation;
import dev.gradcheck.tensor.ShapeException;
import dev.gradcheck.tensor.Tensor;
import java.util.function.Supplier;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * Where a user's layer keeps one parameter or gradient: a {@code double[]}, {@code double[][]},
 * {@link RealVector} or {@link RealMatrix}, fetched anew at every use (the layer may replace it).
 * {@link #read} copies it into a new tensor; {@link #write} copies a tensor into it, in place.
 */
abstract class Storage {

    /** What is stored, for messages: {@code Dense's parameter W}. */
    final String what;

    private Storage(String what) {
        this.what = what;
    }

    /** A new tensor holding the stored values. */
    abstract Tensor read();

    /** Copies {@code t} into the stored object, which must have t's shape. */
    abstract void write(Tensor t);

    static Storage ofVector(String what, Supplier<double[]> ref) {
        return new Storage(what) {
            @Override
            Tensor read() {
                return Tensor.vector(fetch(ref));
            }

            @Override
            void write(Tensor t) {
                double[] v = fetch(ref);
                requireSize(t, 1, v.length, 1);
                System.arraycopy(t.data(), 0, v, 0, v.length);
            }
        };
    }

    static Storage ofRows(String what, Supplier<double[][]> ref) {
        return new Storage(what) {
            @Override
            Tensor read() {
                return Representation.ARRAYS.fromUser(fetch(ref), what);
            }

            @Override
            void write(Tensor t) {
                double[][] rows = fetch(ref);
                requireSize(t, 2, rows.length, rows.length == 0 || rows[0] == null ? 0 : rows[0].length);
                for (int r = 0; r < rows.length; r++) {
                    if (rows[r] == null || rows[r].length != t.dim(1)) {
                        throw new ShapeException(what + ": row " + r + " is not of length " + t.dim(1));
                    }
                    System.arraycopy(t.data(), r * t.dim(1), rows[r], 0, t.dim(1));
                }
            }
        };
    }

    static Storage ofRealVector(String what, Supplier<RealVector> ref) {
        return new Storage(what) {
            @Override
            Tensor read() {
                return Tensor.vector(fetch(ref).toArray());
            }

            @Override
            void write(Tensor t) {
                RealVector v = fetch(ref);
                requireSize(t, 1, v.getDimension(), 1);
                for (int i = 0; i < t.size(); i++) {
                    v.setEntry(i, t.get(i));
                }
            }
        };
    }

    static Storage ofRealMatrix(String what, Supplier<RealMatrix> ref) {
        return new Storage(what) {
            @Override
            Tensor read() {
                return Representation.MATRICES.fromUser(fetch(ref), what);
            }

            @Override
            void write(Tensor t) {
                RealMatrix m = fetch(ref);
                requireSize(t, 2, m.getRowDimension(), m.getColumnDimension());
                for (int r = 0; r < t.dim(0); r++) {
                    for (int c = 0; c < t.dim(1); c++) {
                        m.setEntry(r, c, t.get(r * t.dim(1) + c));
                    }
                }
            }
        };
    }

    <T> T fetch(Supplier<T> ref) {
        T value = ref.get();
        if (value == null) {
            throw new ContractViolation(what + " is null");
        }
        return value;
    }

    /** Fails unless the stored object, rows × cols (cols 1 for a vector), still has t's shape. */
    void requireSize(Tensor t, int rank, int rows, int cols) {
        boolean same = rank == 1 ? t.rank() == 1 && t.dim(0) == rows : t.rank() == 2 && t.dim(0) == rows && t.dim(1) == cols;
        if (!same) {
            String now = rank == 1 ? "(" + rows + ")" : "(" + rows + ", " + cols + ")";
            throw new ShapeException(what + " now has shape " + now + " but had shape " + t.shapeString()
                    + " when it was declared");
        }
    }
}
