package dev.gradcheck.calibration;

import dev.gradcheck.catalogue.BrokenLayerCatalogue;
import dev.gradcheck.catalogue.CheckCase;
import dev.gradcheck.catalogue.Fault;
import dev.gradcheck.catalogue.ReferenceAffine;
import dev.gradcheck.catalogue.StandardCases;
import dev.gradcheck.check.CheckReport;
import dev.gradcheck.check.FailureCategory;
import dev.gradcheck.check.GradientCheck;
import dev.gradcheck.layers.AddLayer;
import dev.gradcheck.layers.Affine;
import dev.gradcheck.layers.BatchNormalization;
import dev.gradcheck.layers.Dropout;
import dev.gradcheck.layers.MulLayer;
import dev.gradcheck.layers.Relu;
import dev.gradcheck.layers.Sigmoid;
import dev.gradcheck.layers.SoftmaxWithLoss;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two populations the default verdict separates, on the catalogue's cases: the correct units'
 * element errors, and for each broken unit that the tolerance catches, its largest element error
 * over its cases (the evidence that catches it), all in the verdict's units ({@link ErrorProfile}).
 */
public final class Populations {

    private Populations() {
    }

    /** The correct units on the standard cases, by unit. */
    public static Map<String, ErrorProfile> correct() {
        Map<String, List<CheckCase>> units = new LinkedHashMap<>();
        units.put("MulLayer", StandardCases.mulLayer(MulLayer::new));
        units.put("AddLayer", StandardCases.addLayer(AddLayer::new));
        units.put("Relu", StandardCases.relu(Relu::new));
        units.put("Sigmoid", StandardCases.sigmoid(Sigmoid::new));
        units.put("Affine", StandardCases.affine(Affine::new));
        units.put("ReferenceAffine", StandardCases.affine(ReferenceAffine::new));
        units.put("SoftmaxWithLoss", StandardCases.softmaxWithLoss(SoftmaxWithLoss::new));
        units.put("TwoLayerNet", StandardCases.smallNets(init -> init));
        units.put("Convolution", StandardCases.convolution((c, seed) -> c.layer(seed)));
        units.put("Pooling", StandardCases.pooling(c -> c.layer()));
        units.put("BatchNormalization", StandardCases.batchNormalization((c, seed) -> c.layer(seed)));
        units.put("BatchNormalization (test mode)", StandardCases.batchNormalizationInTestMode(BatchNormalization::inTestMode));
        units.put("Dropout", StandardCases.dropout((c, seed) -> c.layer(seed)));
        units.put("Dropout (test mode)", StandardCases.dropoutInTestMode(Dropout::inTestMode));
        Map<String, ErrorProfile> profiles = new LinkedHashMap<>();
        units.forEach((unit, cases) -> profiles.put(unit, cases.stream()
                .map(c -> ErrorProfile.of(GradientCheck.check(c.unit().get()))).reduce(ErrorProfile.EMPTY, ErrorProfile::merge)));
        return profiles;
    }

    /**
     * Each catalogue entry the element-wise tolerance catches (category gradient mismatch): the
     * profile of its elements over every case, whose ratio is the largest error it shows.
     */
    public static Map<String, ErrorProfile> broken() {
        Map<String, ErrorProfile> profiles = new LinkedHashMap<>();
        for (Fault f : BrokenLayerCatalogue.all()) {
            if (f.category() != FailureCategory.GRADIENT_MISMATCH) {
                continue;
            }
            ErrorProfile p = ErrorProfile.EMPTY;
            for (CheckCase c : f.cases()) {
                CheckReport report = GradientCheck.check(c.unit().get());
                if (report.problems().isEmpty()) {
                    p = p.merge(ErrorProfile.of(report));
                }
            }
            profiles.put(f.name(), p);
        }
        return profiles;
    }

}
