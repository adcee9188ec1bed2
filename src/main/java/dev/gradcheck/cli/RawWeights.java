package dev.gradcheck.cli;

import dev.gradcheck.layers.Parameter;
import dev.gradcheck.net.TwoLayerNet;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Parameters of a TwoLayerNet from a raw file: little-endian float64 W1, b1, W2, b2 in the net's
 * order, row-major, nothing else. The peer scripts' {@code export_weights.py} writes this, so a
 * gradcheck run can start from the very parameters numpy and PyTorch start from.
 */
final class RawWeights {

    private RawWeights() {
    }

    /** Overwrites every parameter of {@code net} with the contents of {@code file}; fails naming the sizes if they differ. */
    static void load(Path file, TwoLayerNet net) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such weights file");
        }
        long expected = 0;
        for (Parameter p : net.params().values()) {
            expected += p.value().size();
        }
        long size = Files.size(file);
        if (size != 8 * expected) {
            throw new IOException(file + ": " + size + " bytes, but TwoLayerNet" + shapes(net) + " needs " + expected
                    + " float64 values (" + 8 * expected + " bytes): W1, b1, W2, b2, little-endian, row-major");
        }
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        for (Parameter p : net.params().values()) {
            double[] d = p.value().data();
            for (int i = 0; i < d.length; i++) {
                d[i] = bytes.getDouble();
                if (!Double.isFinite(d[i])) {
                    throw new IOException(file + ": " + p.name() + p.value().indexString(i) + " is " + d[i]);
                }
            }
        }
    }

    private static String shapes(TwoLayerNet net) {
        StringBuilder s = new StringBuilder(" with");
        net.params().values().forEach(p -> s.append(' ').append(p.name()).append(p.value().shapeString()));
        return s.toString();
    }
}
