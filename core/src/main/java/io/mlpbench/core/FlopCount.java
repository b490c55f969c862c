package io.mlpbench.core;

/**
 * The arithmetic one sample needs in the dense layers of a {@link ModelSpec}, counted layer by
 * layer as 2 FLOPs (a multiply and an add) per multiply-add of the three products of
 * backpropagation:
 *
 * <ul>
 *   <li>forward, Z = A W: 2 x in x out per layer;
 *   <li>weight gradient, dW = A^T dZ: 2 x in x out per layer;
 *   <li>input gradient, dA = dZ W^T: 2 x in x out for every layer except the first, whose input is
 *       the data and needs no gradient (no route computes it).
 * </ul>
 *
 * <p>Elementwise work is excluded and not estimated: bias adds, activations and their derivatives,
 * softmax and cross-entropy (O(neurons) per sample: 1,034 values for 784-512-512-10 against 668,672
 * weights, about 0.2%), and the optimizer update (O(parameters) per step, not per sample). So
 * GFLOP/s built on this count is a matrix-product rate, comparable with a GEMM's.
 *
 * @param forward FLOPs of the forward products per sample
 * @param weightGradient FLOPs of the weight-gradient products per sample
 * @param inputGradient FLOPs of the input-gradient products per sample (first layer excluded)
 */
public record FlopCount(long forward, long weightGradient, long inputGradient) {

  /** How tables name the training count, so a reader knows which of the common counts it is. */
  public static final String TRAINING_DEFINITION = "exact: fwd+wgrad+igrad";

  /** How tables name the inference count. */
  public static final String INFERENCE_DEFINITION = "exact: fwd";

  /** The per-sample count of {@code spec}, summed over its layers. */
  public static FlopCount perSample(ModelSpec spec) {
    long forward = 0;
    long weightGradient = 0;
    long inputGradient = 0;
    for (int l = 0; l < spec.layerCount(); l++) {
      long products = 2L * spec.inputs(l) * spec.outputs(l);
      forward += products;
      weightGradient += products;
      if (l > 0) {
        inputGradient += products;
      }
    }
    return new FlopCount(forward, weightGradient, inputGradient);
  }

  /** One training sample: forward + weight gradient + input gradient. */
  public long training() {
    return forward + weightGradient + inputGradient;
  }

  /** One inference sample: the forward products only. */
  public long inference() {
    return forward;
  }
}
