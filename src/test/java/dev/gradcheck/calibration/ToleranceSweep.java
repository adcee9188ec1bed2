package dev.gradcheck.calibration;

import static dev.gradcheck.testkit.GradCheckArbitraries.affineCases;
import static dev.gradcheck.testkit.GradCheckArbitraries.binaryLayerCases;
import static dev.gradcheck.testkit.GradCheckArbitraries.layerCases;
import static dev.gradcheck.testkit.GradCheckArbitraries.lossLayerCases;
import static dev.gradcheck.testkit.GradCheckArbitraries.netCases;
import static dev.gradcheck.testkit.GradCheckArbitraries.tensors;
import static dev.gradcheck.testkit.GradCheckArbitraries.values;

import dev.gradcheck.check.CheckReport;
import dev.gradcheck.check.Checkable;
import dev.gradcheck.check.GradientCheck;
import dev.gradcheck.layers.AddLayer;
import dev.gradcheck.layers.Affine;
import dev.gradcheck.layers.MulLayer;
import dev.gradcheck.layers.Relu;
import dev.gradcheck.layers.Sigmoid;
import dev.gradcheck.layers.SoftmaxWithLoss;
import dev.gradcheck.layers.Tanh;
import dev.gradcheck.support.BatchNormalizationCase;
import dev.gradcheck.support.ConvolutionCase;
import dev.gradcheck.support.DropoutCase;
import dev.gradcheck.support.PoolingCase;
import dev.gradcheck.tensor.Tensor;
import dev.gradcheck.tensor.TensorOps;
import dev.gradcheck.testkit.BinaryLayerCase;
import dev.gradcheck.testkit.LayerCase;
import dev.gradcheck.testkit.LossLayerCase;
import dev.gradcheck.testkit.NetCase;
import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * The false-positive sweep: every correct layer and the net, over random shapes, values, seeds and
 * input scales from the kit's arbitraries, checked with the default options; not one may fail. Each
 * check's element errors are measured in the verdict's units ({@link ErrorProfile}) and the largest
 * per unit are written to {@code target/tolerance-sweep.txt}: the correct population of the README's
 * calibration. {@link ToleranceSweepProperties} runs it briefly in {@code mvn verify};
 * {@link DeepToleranceSweep} runs it with the configured tries ({@code -Ptolerance-sweep}: 20,000 per property).
 */
abstract class ToleranceSweep {

    /** Where the table goes. */
    static final Path TABLE = Path.of("target", "tolerance-sweep.txt");

    /** Input scales: each case's values are drawn at one of these magnitudes. */
    private static final Arbitrary<Double> SCALES = Arbitraries.of(0.01, 1.0, 100.0);

    private static final SweepLedger LEDGER = new SweepLedger();

    @AfterContainer
    static void writeTable() {
        LEDGER.write(TABLE);
    }

    @Provide
    Arbitrary<BinaryLayerCase> mulCases() {
        return SCALES.flatMap(s -> binaryLayerCases(MulLayer::new, 4, 6, values().between(-3 * s, 3 * s)));
    }

    @Provide
    Arbitrary<BinaryLayerCase> addCases() {
        return SCALES.flatMap(s -> binaryLayerCases(AddLayer::new, 4, 6, values().between(-3 * s, 3 * s)));
    }

    /** Relu's inputs stay 1e-2 (100 h) from its kink, as in ReluProperties. */
    @Provide
    Arbitrary<LayerCase> reluCases() {
        return SCALES.flatMap(s -> layerCases(Relu::new, tensors(4, 6, values().between(-3 * s, 3 * s).awayFromZero(1e-2))));
    }

    @Provide
    Arbitrary<LayerCase> sigmoidCases() {
        return SCALES.flatMap(s -> layerCases(Sigmoid::new, tensors(4, 6, values().between(-8 * s, 8 * s))));
    }

    @Provide
    Arbitrary<LayerCase> tanhCases() {
        return SCALES.flatMap(s -> layerCases(Tanh::new, tensors(4, 6, values().between(-4 * s, 4 * s))));
    }

    @Provide
    Arbitrary<LayerCase> affineCasesAtScales() {
        return SCALES.flatMap(s -> affineCases(Affine::new, 4, 6, 6, values().between(-2 * s, 2 * s)));
    }

    @Provide
    Arbitrary<LossLayerCase> softmaxCases() {
        return SCALES.flatMap(s -> lossLayerCases(SoftmaxWithLoss::new, 4, 6, values().between(-10 * s, 10 * s)));
    }

    /** Nets with weights up to 0.1, 1 or 3, inputs up to 3, hidden inputs 1e-2 from Relu's kinks (as TwoLayerNetProperties). */
    @Provide
    Arbitrary<NetCase> netCasesAtScales() {
        return Arbitraries.of(0.1, 1.0, 3.0).flatMap(w -> netCases(4, 6, 6, 5, values().between(-3, 3), values().between(-w, w)))
                .filter(c -> c.kinkDistance() >= 1e-2);
    }

    @Provide
    Arbitrary<Scaled<ConvolutionCase>> convolutionCases() {
        return scaled(ConvolutionCase.shapes().toArray(ConvolutionCase[]::new));
    }

    @Provide
    Arbitrary<Scaled<PoolingCase>> poolingCases() {
        return scaled(PoolingCase.shapes().toArray(PoolingCase[]::new));
    }

    @Provide
    Arbitrary<Scaled<BatchNormalizationCase>> batchNormalizationCases() {
        return scaled(BatchNormalizationCase.shapes().toArray(BatchNormalizationCase[]::new));
    }

    @Provide
    Arbitrary<Scaled<DropoutCase>> dropoutCases() {
        return scaled(DropoutCase.shapes().toArray(DropoutCase[]::new));
    }

    @Property
    void mulLayerNeverFails(@ForAll("mulCases") BinaryLayerCase c) {
        check("MulLayer", c.toString(), c.checkable());
    }

    @Property
    void addLayerNeverFails(@ForAll("addCases") BinaryLayerCase c) {
        check("AddLayer", c.toString(), c.checkable());
    }

    @Property
    void reluNeverFails(@ForAll("reluCases") LayerCase c) {
        check("Relu", c.toString(), c.checkable());
    }

    @Property
    void sigmoidNeverFails(@ForAll("sigmoidCases") LayerCase c) {
        check("Sigmoid", c.toString(), c.checkable());
    }

    @Property
    void tanhNeverFails(@ForAll("tanhCases") LayerCase c) {
        check("Tanh", c.toString(), c.checkable());
    }

    @Property
    void affineNeverFails(@ForAll("affineCasesAtScales") LayerCase c) {
        check("Affine", c.toString(), c.checkable());
    }

    @Property
    void softmaxWithLossNeverFails(@ForAll("softmaxCases") LossLayerCase c) {
        check("SoftmaxWithLoss", c.toString(), c.checkable());
    }

    @Property
    void twoLayerNetNeverFails(@ForAll("netCasesAtScales") NetCase c) {
        check("TwoLayerNet", c.toString(), c.checkable());
    }

    @Property
    void convolutionNeverFails(@ForAll("convolutionCases") Scaled<ConvolutionCase> c) {
        check("Convolution", c.toString(), Checkable.of(c.shape().layer(c.seed()), c.input(c.shape().input(c.seed())), c.seed()));
    }

    @Property
    void poolingNeverFails(@ForAll("poolingCases") Scaled<PoolingCase> c) {
        check("Pooling", c.toString(), Checkable.of(c.shape().layer(), c.input(c.shape().input(c.seed())), c.seed()));
    }

    @Property
    void batchNormalizationNeverFails(@ForAll("batchNormalizationCases") Scaled<BatchNormalizationCase> c) {
        check("BatchNormalization", c.toString(),
                Checkable.of(c.shape().layer(c.seed()), c.input(c.shape().input(c.seed())), c.seed()));
    }

    @Property
    void dropoutNeverFails(@ForAll("dropoutCases") Scaled<DropoutCase> c) {
        check("Dropout", c.toString(), Checkable.of(c.shape().layer(c.seed()), c.input(c.shape().input(c.seed())), c.seed()));
    }

    /** A chapter 6/7 case shape at a seed, its input scaled. */
    record Scaled<C>(C shape, long seed, double scale) {
        Tensor input(Tensor x) {
            return TensorOps.scale(x, scale);
        }
    }

    private static <C> Arbitrary<Scaled<C>> scaled(C[] shapes) {
        return Combinators.combine(Arbitraries.of(shapes), Arbitraries.longs().between(0, Integer.MAX_VALUE), SCALES)
                .as(Scaled::new);
    }

    private static void check(String unit, String label, Checkable checkable) {
        CheckReport report = GradientCheck.check(checkable);
        LEDGER.add(unit, label, report);
        if (!report.passed()) {
            throw new AssertionError(report.describe());
        }
    }
}
