package io.mlpbench.manual;

import io.mlpbench.core.Activation;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * What {@link Gemm} does to a freshly computed panel of C while it is still in L1, so no extra pass
 * over memory is needed: add the bias and apply g (forward), or multiply by g'(Z[l-1]) (backward).
 * The derivatives are written with the layer's output A = g(Z) instead of Z, as the frameworks do:
 * relu'(z) = [a > 0] (so relu'(0) = 0), tanh'(z) = 1 - a^2, sigmoid'(z) = a (1 - a).
 */
enum Epilogue {
  /** C as computed (dW). */
  NONE,
  /** C + b (the output layer's logits). */
  BIAS,
  /** g(C + b) with g = relu, tanh or sigmoid. */
  BIAS_RELU,
  BIAS_TANH,
  BIAS_SIGMOID,
  /** C * g'(Z) where C = dA[l-1] and the gate holds A[l-1] = g(Z[l-1]). */
  RELU_DERIVATIVE,
  TANH_DERIVATIVE,
  SIGMOID_DERIVATIVE;

  private static final VectorSpecies<Float> SPECIES = Gemm.SPECIES;

  static Epilogue forward(Activation g) {
    return switch (g) {
      case RELU -> BIAS_RELU;
      case TANH -> BIAS_TANH;
      case SIGMOID -> BIAS_SIGMOID;
    };
  }

  static Epilogue derivative(Activation g) {
    return switch (g) {
      case RELU -> RELU_DERIVATIVE;
      case TANH -> TANH_DERIVATIVE;
      case SIGMOID -> SIGMOID_DERIVATIVE;
    };
  }

  /**
   * Applies this epilogue to rows [i0, i1) and columns [j0, j1) of C (row stride ldc). {@code bias}
   * is indexed by column; {@code gate} is laid out like C.
   */
  void apply(float[] c, int ldc, int i0, int i1, int j0, int j1, float[] bias, float[] gate) {
    if (this == NONE) {
      return;
    }
    FloatVector zero = FloatVector.zero(SPECIES);
    FloatVector one = FloatVector.broadcast(SPECIES, 1f);
    for (int j = j0; j < j1; j += SPECIES.length()) { // j1 - j0 is whole vectors (padded)
      FloatVector b = bias == null ? zero : FloatVector.fromArray(SPECIES, bias, j);
      for (int i = i0; i < i1; i++) {
        int at = i * ldc + j;
        FloatVector v = FloatVector.fromArray(SPECIES, c, at);
        FloatVector g = gate == null ? zero : FloatVector.fromArray(SPECIES, gate, at);
        v =
            switch (this) {
              case BIAS -> v.add(b);
              // relu keeps NaN (NaN < 0 is false), so a poisoned input still shows as a NaN loss.
              case BIAS_RELU -> {
                FloatVector z = v.add(b);
                yield z.blend(zero, z.compare(VectorOperators.LT, 0f));
              }
              case BIAS_TANH -> v.add(b).lanewise(VectorOperators.TANH);
              case BIAS_SIGMOID -> one.div(v.add(b).neg().lanewise(VectorOperators.EXP).add(one));
              case RELU_DERIVATIVE -> zero.blend(v, g.compare(VectorOperators.GT, 0f));
              case TANH_DERIVATIVE -> v.mul(one.sub(g.mul(g)));
              case SIGMOID_DERIVATIVE -> v.mul(g.mul(one.sub(g)));
              case NONE -> v;
            };
        v.intoArray(c, at);
      }
    }
  }
}
