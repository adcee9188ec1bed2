package dev.gradcheck.catalogue;

import static dev.gradcheck.check.FailureCategory.BASELINE_REGRESSION;
import static dev.gradcheck.check.FailureCategory.CONTRACT_BREACH;
import static dev.gradcheck.check.FailureCategory.GRADIENT_MISMATCH;
import static dev.gradcheck.check.FailureCategory.LAYER_ERROR;
import static dev.gradcheck.check.FailureCategory.NON_FINITE;

import dev.gradcheck.catalogue.BrokenActivations.ReluAccumulatingOutput;
import dev.gradcheck.catalogue.BrokenActivations.ReluDerivativeFromSign;
import dev.gradcheck.catalogue.BrokenActivations.ReluMaskFromOutputWithGreaterOrEqual;
import dev.gradcheck.catalogue.BrokenActivations.ReluOffByOnePerMille;
import dev.gradcheck.catalogue.BrokenActivations.ReluReturningFlatGradient;
import dev.gradcheck.catalogue.BrokenActivations.ReluReturningReusedBuffer;
import dev.gradcheck.catalogue.BrokenActivations.ReluScalingByInput;
import dev.gradcheck.catalogue.BrokenActivations.ReluWithInvertedMask;
import dev.gradcheck.catalogue.BrokenActivations.ReluWithStaleMask;
import dev.gradcheck.catalogue.BrokenActivations.ReluWithoutMask;
import dev.gradcheck.catalogue.BrokenActivations.ReluWritingIntoDout;
import dev.gradcheck.catalogue.BrokenActivations.SigmoidForgettingDout;
import dev.gradcheck.catalogue.BrokenActivations.SigmoidOverflowingForLargeInputs;
import dev.gradcheck.catalogue.BrokenActivations.SigmoidTextbookGradient;
import dev.gradcheck.catalogue.BrokenActivations.SigmoidUsingInputInsteadOfOutput;
import dev.gradcheck.catalogue.BrokenActivations.SigmoidWithNoisyForward;
import dev.gradcheck.catalogue.BrokenActivations.SigmoidWithOnePlusOut;
import dev.gradcheck.catalogue.BrokenActivations.SigmoidWithSinglePrecisionDerivative;
import dev.gradcheck.catalogue.BrokenAffines.AffineAccumulatingWeightGradient;
import dev.gradcheck.catalogue.BrokenAffines.AffineBiasAveragedOverBatch;
import dev.gradcheck.catalogue.BrokenAffines.AffineBiasFromFirstExampleOnly;
import dev.gradcheck.catalogue.BrokenAffines.AffineBiasGradientOffByNanoUnit;
import dev.gradcheck.catalogue.BrokenAffines.AffineBiasSummedOverWrongAxis;
import dev.gradcheck.catalogue.BrokenAffines.AffineCopyingDoutIntoBias;
import dev.gradcheck.catalogue.BrokenAffines.AffineIgnoringBiasGradient;
import dev.gradcheck.catalogue.BrokenAffines.AffineNeverSettingBiasGradient;
import dev.gradcheck.catalogue.BrokenAffines.AffineNotReshapingDx;
import dev.gradcheck.catalogue.BrokenAffines.AffineWeightGradientMissingLastElement;
import dev.gradcheck.catalogue.BrokenAffines.AffineWeightGradientOffByOnePerMille;
import dev.gradcheck.catalogue.BrokenAffines.AffineWithSinglePrecisionWeightGradient;
import dev.gradcheck.catalogue.BrokenAffines.AffineWithStrayWeightDecay;
import dev.gradcheck.catalogue.BrokenAffines.AffineWithoutTranspose;
import dev.gradcheck.catalogue.BrokenChapter6And7Layers.BatchNormalizationBackwardWithoutTestModeCache;
import dev.gradcheck.catalogue.BrokenChapter6And7Layers.BatchNormalizationGammaGradientWithoutNormalisedInput;
import dev.gradcheck.catalogue.BrokenChapter6And7Layers.BatchNormalizationWithoutMeanTerm;
import dev.gradcheck.catalogue.BrokenChapter6And7Layers.ConvolutionBiasFromFirstPositionOnly;
import dev.gradcheck.catalogue.BrokenChapter6And7Layers.ConvolutionWithCol2imOverwriting;
import dev.gradcheck.catalogue.BrokenChapter6And7Layers.DropoutIgnoringMask;
import dev.gradcheck.catalogue.BrokenChapter6And7Layers.DropoutWithNewMaskEveryForward;
import dev.gradcheck.catalogue.BrokenChapter6And7Layers.InvertedDropoutReturningInputInTestMode;
import dev.gradcheck.catalogue.BrokenChapter6And7Layers.PoolingToFirstElement;
import dev.gradcheck.catalogue.BrokenLosses.CrossEntropyWithoutLogGuard;
import dev.gradcheck.catalogue.BrokenLosses.SoftmaxWithLossIgnoringDout;
import dev.gradcheck.catalogue.BrokenLosses.SoftmaxWithLossSkippingLastClass;
import dev.gradcheck.catalogue.BrokenLosses.SoftmaxWithLossWithSignFlipped;
import dev.gradcheck.catalogue.BrokenLosses.SoftmaxWithLossWithoutBatchMean;
import dev.gradcheck.catalogue.BrokenLosses.SoftmaxWithoutMaxSubtraction;
import dev.gradcheck.catalogue.BrokenNets.NetAccumulatingGradients;
import dev.gradcheck.catalogue.BrokenNets.NetBackwardSkippingRelu;
import dev.gradcheck.catalogue.BrokenNets.NetGradientOfFirstExampleOnly;
import dev.gradcheck.catalogue.BrokenNets.NetWithLossGradientNotDividedByBatch;
import dev.gradcheck.catalogue.BrokenNodes.AddLayerDroppingY;
import dev.gradcheck.catalogue.BrokenNodes.AddLayerHalvingDout;
import dev.gradcheck.catalogue.BrokenNodes.AddLayerReturningDoutTwice;
import dev.gradcheck.catalogue.BrokenNodes.MulLayerWithDyCopiedFromDx;
import dev.gradcheck.catalogue.BrokenNodes.MulLayerWithoutSwap;
import dev.gradcheck.check.FailureCategory;
import dev.gradcheck.layers.Relu;
import dev.gradcheck.support.BackwardBugs.AffineWithStaleWeights;
import dev.gradcheck.support.SequentialNet;
import java.util.List;
import java.util.function.Predicate;

/**
 * The catalogue of broken layers: the mistakes people really make in backward (and in forward,
 * where they break the check), one class per bug, each with the category of failure the harness
 * must report for it. {@code BrokenLayerCatalogueTests} runs every entry through the default checks
 * of {@code mvn verify} ({@link DefaultChecks}) on its layer's standard cases ({@link StandardCases}).
 */
public final class BrokenLayerCatalogue {

    private BrokenLayerCatalogue() {
    }

    /** Every entry, grouped by the layer it breaks. */
    public static List<Fault> all() {
        return List.of(
                // Affine
                fault(AffineWithoutTranspose.class, "Affine", GRADIENT_MISMATCH, "gradient check FAILED for W",
                        only(StandardCases.affine(AffineWithoutTranspose::new), square())),
                fault(AffineBiasSummedOverWrongAxis.class, "Affine", CONTRACT_BREACH, "gradient for b has shape",
                        StandardCases.affineOnMatrices(AffineBiasSummedOverWrongAxis::new)),
                fault(AffineBiasAveragedOverBatch.class, "Affine", GRADIENT_MISMATCH, "gradient check FAILED for b",
                        StandardCases.affine(AffineBiasAveragedOverBatch::new)),
                fault(AffineBiasFromFirstExampleOnly.class, "Affine", GRADIENT_MISMATCH, "gradient check FAILED for b",
                        StandardCases.affine(AffineBiasFromFirstExampleOnly::new)),
                fault(AffineIgnoringBiasGradient.class, "Affine", GRADIENT_MISMATCH, "gradient check FAILED for b",
                        StandardCases.affine(AffineIgnoringBiasGradient::new)),
                fault(AffineNeverSettingBiasGradient.class, "Affine", CONTRACT_BREACH, "backward gave no gradient for b",
                        StandardCases.affine(AffineNeverSettingBiasGradient::new)),
                fault(AffineCopyingDoutIntoBias.class, "Affine", LAYER_ERROR,
                        "threw ArrayIndexOutOfBoundsException during forward and backward",
                        StandardCases.affine(AffineCopyingDoutIntoBias::new)),
                fault(AffineWeightGradientOffByOnePerMille.class, "Affine", GRADIENT_MISMATCH, "gradient check FAILED for W",
                        StandardCases.affine(AffineWeightGradientOffByOnePerMille::new)),
                fault(AffineWeightGradientMissingLastElement.class, "Affine", GRADIENT_MISMATCH,
                        "gradient check FAILED for W", StandardCases.affine(AffineWeightGradientMissingLastElement::new)),
                fault(AffineWithStrayWeightDecay.class, "Affine", GRADIENT_MISMATCH, "gradient check FAILED for W",
                        StandardCases.affine(AffineWithStrayWeightDecay::new)),
                fault(AffineBiasGradientOffByNanoUnit.class, "Affine", BASELINE_REGRESSION, "[baseline regression]",
                        StandardCases.affine(AffineBiasGradientOffByNanoUnit::new)),
                fault(AffineWithSinglePrecisionWeightGradient.class, "Affine", BASELINE_REGRESSION, "[baseline regression]",
                        StandardCases.affine(AffineWithSinglePrecisionWeightGradient::new)),
                fault(AffineNotReshapingDx.class, "Affine", CONTRACT_BREACH, "gradient for x has shape",
                        StandardCases.affineOnImages(AffineNotReshapingDx::new)),
                fault(AffineAccumulatingWeightGradient.class, "Affine", CONTRACT_BREACH, "backward is not repeatable",
                        StandardCases.affine(AffineAccumulatingWeightGradient::new)),
                // Relu
                fault(ReluWithoutMask.class, "Relu", GRADIENT_MISMATCH, "gradient check FAILED for x",
                        StandardCases.relu(ReluWithoutMask::new)),
                fault(ReluWithInvertedMask.class, "Relu", GRADIENT_MISMATCH, "gradient check FAILED for x",
                        StandardCases.relu(ReluWithInvertedMask::new)),
                fault(ReluMaskFromOutputWithGreaterOrEqual.class, "Relu", GRADIENT_MISMATCH, "gradient check FAILED for x",
                        StandardCases.relu(ReluMaskFromOutputWithGreaterOrEqual::new)),
                fault(ReluScalingByInput.class, "Relu", GRADIENT_MISMATCH, "gradient check FAILED for x",
                        StandardCases.relu(ReluScalingByInput::new)),
                fault(ReluOffByOnePerMille.class, "Relu", GRADIENT_MISMATCH, "gradient check FAILED for x",
                        StandardCases.relu(ReluOffByOnePerMille::new)),
                fault(ReluDerivativeFromSign.class, "Relu", NON_FINITE, "non-finite at (0, 0): analytic NaN",
                        StandardCases.relu(ReluDerivativeFromSign::new)),
                fault(ReluReturningFlatGradient.class, "Relu", CONTRACT_BREACH, "gradient for x has shape",
                        StandardCases.relu(ReluReturningFlatGradient::new)),
                fault(ReluWritingIntoDout.class, "Relu", CONTRACT_BREACH, "its argument dout",
                        StandardCases.relu(ReluWritingIntoDout::new)),
                fault(ReluReturningReusedBuffer.class, "Relu", CONTRACT_BREACH, "changed at",
                        StandardCases.relu(ReluReturningReusedBuffer::new)),
                fault(ReluAccumulatingOutput.class, "Relu", CONTRACT_BREACH, "forward is not deterministic",
                        StandardCases.relu(ReluAccumulatingOutput::new)),
                fault(ReluWithStaleMask.class, "Relu", CONTRACT_BREACH, "stale cache",
                        StandardCases.relu(ReluWithStaleMask::new)),
                // Sigmoid
                fault(SigmoidWithOnePlusOut.class, "Sigmoid", GRADIENT_MISMATCH, "gradient check FAILED for x",
                        StandardCases.sigmoid(SigmoidWithOnePlusOut::new)),
                fault(SigmoidUsingInputInsteadOfOutput.class, "Sigmoid", GRADIENT_MISMATCH, "gradient check FAILED for x",
                        StandardCases.sigmoid(SigmoidUsingInputInsteadOfOutput::new)),
                fault(SigmoidForgettingDout.class, "Sigmoid", GRADIENT_MISMATCH, "gradient check FAILED for x",
                        StandardCases.sigmoid(SigmoidForgettingDout::new)),
                fault(SigmoidWithSinglePrecisionDerivative.class, "Sigmoid", BASELINE_REGRESSION, "[baseline regression]",
                        StandardCases.sigmoid(SigmoidWithSinglePrecisionDerivative::new)),
                fault(SigmoidTextbookGradient.class, "Sigmoid", NON_FINITE, "analytic NaN",
                        StandardCases.sigmoid(SigmoidTextbookGradient::new)),
                fault(SigmoidOverflowingForLargeInputs.class, "Sigmoid", NON_FINITE, "forward gave NaN",
                        StandardCases.sigmoid(SigmoidOverflowingForLargeInputs::new)),
                fault(SigmoidWithNoisyForward.class, "Sigmoid", CONTRACT_BREACH, "forward is not deterministic",
                        StandardCases.sigmoid(SigmoidWithNoisyForward::new)),
                // MulLayer, AddLayer
                fault(MulLayerWithoutSwap.class, "MulLayer", GRADIENT_MISMATCH, "gradient check FAILED for x, y",
                        StandardCases.mulLayer(MulLayerWithoutSwap::new)),
                fault(MulLayerWithDyCopiedFromDx.class, "MulLayer", GRADIENT_MISMATCH, "gradient check FAILED for y",
                        StandardCases.mulLayer(MulLayerWithDyCopiedFromDx::new)),
                fault(AddLayerDroppingY.class, "AddLayer", GRADIENT_MISMATCH, "gradient check FAILED for y",
                        StandardCases.addLayer(AddLayerDroppingY::new)),
                fault(AddLayerHalvingDout.class, "AddLayer", GRADIENT_MISMATCH, "gradient check FAILED for x, y",
                        StandardCases.addLayer(AddLayerHalvingDout::new)),
                fault(AddLayerReturningDoutTwice.class, "AddLayer", CONTRACT_BREACH, "returned its argument dout itself",
                        StandardCases.addLayer(AddLayerReturningDoutTwice::new)),
                // SoftmaxWithLoss
                fault(SoftmaxWithLossWithoutBatchMean.class, "SoftmaxWithLoss", GRADIENT_MISMATCH,
                        "gradient check FAILED for x", StandardCases.softmaxWithLoss(SoftmaxWithLossWithoutBatchMean::new)),
                fault(SoftmaxWithLossWithSignFlipped.class, "SoftmaxWithLoss", GRADIENT_MISMATCH,
                        "gradient check FAILED for x", StandardCases.softmaxWithLoss(SoftmaxWithLossWithSignFlipped::new)),
                fault(SoftmaxWithLossSkippingLastClass.class, "SoftmaxWithLoss", GRADIENT_MISMATCH,
                        "gradient check FAILED for x", StandardCases.softmaxWithLoss(SoftmaxWithLossSkippingLastClass::new)),
                fault(SoftmaxWithLossIgnoringDout.class, "SoftmaxWithLoss", CONTRACT_BREACH, "does not scale with dout",
                        StandardCases.softmaxWithLoss(SoftmaxWithLossIgnoringDout::new)),
                fault(SoftmaxWithoutMaxSubtraction.class, "SoftmaxWithLoss", NON_FINITE,
                        "the loss at the unperturbed point is NaN", StandardCases.softmaxWithLoss(SoftmaxWithoutMaxSubtraction::new)),
                fault(CrossEntropyWithoutLogGuard.class, "SoftmaxWithLoss", NON_FINITE,
                        "the loss at the unperturbed point is Infinity", StandardCases.softmaxWithLoss(CrossEntropyWithoutLogGuard::new)),
                // the net
                fault(NetGradientOfFirstExampleOnly.class, "TwoLayerNet", GRADIENT_MISMATCH, "gradient check FAILED for W1",
                        StandardCases.smallNets(NetGradientOfFirstExampleOnly::new)),
                fault(NetBackwardSkippingRelu.class, "TwoLayerNet", GRADIENT_MISMATCH, "gradient check FAILED for W1",
                        StandardCases.smallNets(NetBackwardSkippingRelu::new)),
                fault(NetWithLossGradientNotDividedByBatch.class, "TwoLayerNet", GRADIENT_MISMATCH,
                        "gradient check FAILED for W1", StandardCases.smallNets(NetWithLossGradientNotDividedByBatch::new)),
                fault(NetAccumulatingGradients.class, "TwoLayerNet", CONTRACT_BREACH, "backward is not repeatable",
                        StandardCases.smallNets(NetAccumulatingGradients::new)),
                fault(AffineWithStaleWeights.class, "TwoLayerNet", GRADIENT_MISMATCH, "gradient check FAILED for W1, b1",
                        StandardCases.trainedNets(init -> SequentialNet.twoLayer("StaleWeightsNet", init,
                                AffineWithStaleWeights::new, new Relu()))),
                // chapters 6 and 7
                fault(ConvolutionWithCol2imOverwriting.class, "Convolution", GRADIENT_MISMATCH, "gradient check FAILED for x",
                        StandardCases.convolution(ConvolutionWithCol2imOverwriting::new)),
                fault(ConvolutionBiasFromFirstPositionOnly.class, "Convolution", GRADIENT_MISMATCH,
                        "gradient check FAILED for b", StandardCases.convolution(ConvolutionBiasFromFirstPositionOnly::new)),
                fault(PoolingToFirstElement.class, "Pooling", GRADIENT_MISMATCH, "gradient check FAILED for x",
                        StandardCases.pooling(PoolingToFirstElement::new)),
                fault(BatchNormalizationWithoutMeanTerm.class, "BatchNormalization", GRADIENT_MISMATCH,
                        "gradient check FAILED for x", StandardCases.batchNormalization(BatchNormalizationWithoutMeanTerm::new)),
                fault(BatchNormalizationGammaGradientWithoutNormalisedInput.class, "BatchNormalization", GRADIENT_MISMATCH,
                        "gradient check FAILED for gamma",
                        StandardCases.batchNormalization(BatchNormalizationGammaGradientWithoutNormalisedInput::new)),
                fault(BatchNormalizationBackwardWithoutTestModeCache.class, "BatchNormalization", LAYER_ERROR,
                        "threw NullPointerException during forward and backward",
                        StandardCases.batchNormalizationInTestMode(BatchNormalizationBackwardWithoutTestModeCache::new)),
                fault(DropoutIgnoringMask.class, "Dropout", GRADIENT_MISMATCH, "gradient check FAILED for x",
                        StandardCases.dropout(DropoutIgnoringMask::new)),
                fault(DropoutWithNewMaskEveryForward.class, "Dropout", CONTRACT_BREACH, "forward is not deterministic",
                        StandardCases.dropout(DropoutWithNewMaskEveryForward::new)),
                fault(InvertedDropoutReturningInputInTestMode.class, "Dropout", CONTRACT_BREACH,
                        "forward returned its argument x itself",
                        StandardCases.dropoutInTestMode(d -> new InvertedDropoutReturningInputInTestMode())));
    }

    private static Fault fault(Class<?> bug, String layer, FailureCategory category, String symptom,
                               List<CheckCase> cases) {
        return new Fault(bug.getSimpleName(), layer, category, symptom, cases);
    }

    private static List<CheckCase> only(List<CheckCase> cases, Predicate<CheckCase> where) {
        return cases.stream().filter(where).toList();
    }

    /** Affine cases whose flattened x is square, where x·dout has W's shape and only its values are wrong. */
    private static Predicate<CheckCase> square() {
        return c -> c.label().contains("x(3,3),") || c.label().contains("x(4,2,2,1),");
    }
}
