package dev.gradcheck.testkit;

import dev.gradcheck.tensor.Tensor;
import net.jqwik.api.SampleReportingFormat;
import org.apiguardian.api.API;

/**
 * Shows a {@link Tensor} in a jqwik report with its shape and every value, row by row, instead of
 * {@code Tensor.toString}'s first eight: the offending value of a shrunk sample is often the last.
 * Registered through {@code META-INF/services}, so it applies wherever the kit is on the test classpath.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class TensorReportingFormat implements SampleReportingFormat {

    @Override
    public boolean appliesTo(Object value) {
        return value instanceof Tensor;
    }

    @Override
    public Object report(Object value) {
        Tensor t = (Tensor) value;
        return SampleReportingFormat.plainLabel("Tensor" + t.shapeString() + " " + CaseFormat.values(t));
    }
}
