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
   * Applies this epilogue to rows [i0, i1) and columns [j0, j1) of C (row stride ldc; j1 - j0 is
   * whole vectors). {@code bias} is indexed by column; {@code gate} is laid out like C. One small
   * loop per case, chosen outside the loops, so C2 keeps every vector in a register.
   */
  void apply(float[] c, int ldc, int i0, int i1, int j0, int j1, float[] bias, float[] gate) {
    switch (this) {
      case NONE -> {}
      case BIAS -> addBias(c, ldc, i0, i1, j0, j1, bias);
      case BIAS_RELU -> addBiasRelu(c, ldc, i0, i1, j0, j1, bias);
      case BIAS_TANH, BIAS_SIGMOID ->
          addBiasSmooth(c, ldc, i0, i1, j0, j1, bias, this == BIAS_TANH);
      case RELU_DERIVATIVE -> timesReluDerivative(c, ldc, i0, i1, j0, j1, gate);
      case TANH_DERIVATIVE, SIGMOID_DERIVATIVE ->
          timesSmoothDerivative(c, ldc, i0, i1, j0, j1, gate, this == TANH_DERIVATIVE);
    }
  }

  private static void addBias(float[] c, int ldc, int i0, int i1, int j0, int j1, float[] bias) {
    for (int j = j0; j < j1; j += SPECIES.length()) {
      FloatVector b = FloatVector.fromArray(SPECIES, bias, j);
      for (int i = i0; i < i1; i++) {
        int at = i * ldc + j;
        FloatVector.fromArray(SPECIES, c, at).add(b).intoArray(c, at);
      }
    }
  }

  /** relu(z) = max(z, 0), but keeping NaN (NaN &lt; 0 is false), so a poisoned input shows. */
  private static void addBiasRelu(
      float[] c, int ldc, int i0, int i1, int j0, int j1, float[] bias) {
    FloatVector zero = FloatVector.zero(SPECIES);
    for (int j = j0; j < j1; j += SPECIES.length()) {
      FloatVector b = FloatVector.fromArray(SPECIES, bias, j);
      for (int i = i0; i < i1; i++) {
        int at = i * ldc + j;
        FloatVector z = FloatVector.fromArray(SPECIES, c, at).add(b);
        z.blend(zero, z.compare(VectorOperators.LT, zero)).intoArray(c, at);
      }
    }
  }

  /** tanh(z), or sigmoid(z) = 1 / (1 + exp(-z)). */
  private static void addBiasSmooth(
      float[] c, int ldc, int i0, int i1, int j0, int j1, float[] bias, boolean tanh) {
    FloatVector one = FloatVector.broadcast(SPECIES, 1f);
    for (int j = j0; j < j1; j += SPECIES.length()) {
      FloatVector b = FloatVector.fromArray(SPECIES, bias, j);
      for (int i = i0; i < i1; i++) {
        int at = i * ldc + j;
        FloatVector z = FloatVector.fromArray(SPECIES, c, at).add(b);
        FloatVector a =
            tanh
                ? z.lanewise(VectorOperators.TANH)
                : one.div(z.neg().lanewise(VectorOperators.EXP).add(one));
        a.intoArray(c, at);
      }
    }
  }

  /** dA * relu'(z) with relu'(z) = [a &gt; 0]: lanes where a &lt;= 0 become 0. */
  private static void timesReluDerivative(
      float[] c, int ldc, int i0, int i1, int j0, int j1, float[] gate) {
    FloatVector zero = FloatVector.zero(SPECIES);
    for (int i = i0; i < i1; i++) {
      for (int j = j0; j < j1; j += SPECIES.length()) {
        int at = i * ldc + j;
        FloatVector a = FloatVector.fromArray(SPECIES, gate, at);
        FloatVector.fromArray(SPECIES, c, at)
            .blend(zero, a.compare(VectorOperators.LE, zero))
            .intoArray(c, at);
      }
    }
  }

  /** dA * (1 - a^2) for tanh, dA * a (1 - a) for sigmoid. */
  private static void timesSmoothDerivative(
      float[] c, int ldc, int i0, int i1, int j0, int j1, float[] gate, boolean tanh) {
    FloatVector one = FloatVector.broadcast(SPECIES, 1f);
    for (int i = i0; i < i1; i++) {
      for (int j = j0; j < j1; j += SPECIES.length()) {
        int at = i * ldc + j;
        FloatVector a = FloatVector.fromArray(SPECIES, gate, at);
        FloatVector derivative = tanh ? one.sub(a.mul(a)) : a.mul(one.sub(a));
        FloatVector.fromArray(SPECIES, c, at).mul(derivative).intoArray(c, at);
      }
    }
  }
}
