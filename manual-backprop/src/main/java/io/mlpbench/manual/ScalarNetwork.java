package io.mlpbench.manual;

import io.mlpbench.core.Activation;
import io.mlpbench.core.ModelSpec;
import io.mlpbench.core.Parameters;

/**
 * Backpropagation as the textbook writes it: plain loops in double precision, one static method per
 * equation. It is the readable half of the module and the yardstick the fast path is tested
 * against.
 *
 * <p>Layout (the suite's, see {@link Parameters}): a batch is m rows; A[l] is (m x n_l) row-major
 * with A[0] = X; W[l] is (n_{l-1} x n_l) row-major, element (i, j) at {@code i * n_l + j}; and Z[l]
 * = A[l-1] W[l] + b[l]. Hidden layers apply g, the output layer softmax, and the loss is the mean
 * cross-entropy over the m rows.
 */
public final class ScalarNetwork {
  private final ModelSpec spec;
  private final Activation g;
  final double[][] weights;
  final double[][] biases;

  // State of the last forward pass, read by backward.
  private int rows;
  private final double[][] z;
  private final double[][] a;

  /** Gradients of the mean loss, in the layout of the parameters. */
  public record Gradients(double[][] weights, double[][] biases) {}

  /** Starts from {@code initial}, widened to double exactly. */
  public ScalarNetwork(Parameters initial) {
    this.spec = initial.spec();
    this.g = spec.hiddenActivation();
    int layers = spec.layerCount();
    weights = new double[layers][];
    biases = new double[layers][];
    for (int l = 0; l < layers; l++) {
      weights[l] = widen(initial.weights(l));
      biases[l] = widen(initial.biases(l));
    }
    z = new double[layers][];
    a = new double[layers + 1][];
  }

  public ModelSpec spec() {
    return spec;
  }

  /** Forward pass over the first {@code rows} samples; returns the logits Z[L] (rows x classes). */
  public double[] forward(float[] features, int rows) {
    this.rows = rows;
    int layers = spec.layerCount();
    a[0] = widen(features, rows * spec.inputSize());
    for (int l = 0; l < layers; l++) {
      z[l] = linear(a[l], weights[l], biases[l], rows, spec.inputs(l), spec.outputs(l));
      a[l + 1] = l < layers - 1 ? activate(g, z[l]) : softmax(z[l], rows, spec.outputs(l));
    }
    return z[layers - 1];
  }

  /** Mean cross-entropy of the last forward pass against {@code labels}. */
  public double loss(int[] labels) {
    return crossEntropy(z[spec.layerCount() - 1], labels, rows, spec.classCount());
  }

  /** Backward pass for the last forward pass: the gradients of {@link #loss}. */
  public Gradients backward(int[] labels) {
    int layers = spec.layerCount();
    double[][] dW = new double[layers][];
    double[][] db = new double[layers][];
    double[] dZ = outputDelta(a[layers], labels, rows, spec.classCount());
    for (int l = layers - 1; l >= 0; l--) {
      int in = spec.inputs(l);
      int out = spec.outputs(l);
      dW[l] = weightGradient(a[l], dZ, rows, in, out);
      db[l] = biasGradient(dZ, rows, out);
      if (l > 0) {
        double[] dA = inputGradient(dZ, weights[l], rows, in, out);
        dZ = hiddenDelta(dA, z[l - 1], g);
      }
    }
    return new Gradients(dW, db);
  }

  /** Z = A W + b: (m x in)(in x out) + b broadcast over rows. */
  static double[] linear(double[] a, double[] w, double[] b, int m, int in, int out) {
    double[] z = new double[m * out];
    for (int r = 0; r < m; r++) {
      for (int j = 0; j < out; j++) {
        double sum = b[j];
        for (int i = 0; i < in; i++) {
          sum += a[r * in + i] * w[i * out + j];
        }
        z[r * out + j] = sum;
      }
    }
    return z;
  }

  /** A = g(Z), elementwise. */
  static double[] activate(Activation g, double[] z) {
    double[] a = new double[z.length];
    for (int k = 0; k < z.length; k++) {
      a[k] = ActivationFunction.apply(g, z[k]);
    }
    return a;
  }

  /** Row-wise softmax, shifted by the row maximum so exp never overflows. */
  static double[] softmax(double[] logits, int m, int classes) {
    double[] p = new double[m * classes];
    for (int r = 0; r < m; r++) {
      double lse = logSumExp(logits, r * classes, classes);
      for (int c = 0; c < classes; c++) {
        p[r * classes + c] = Math.exp(logits[r * classes + c] - lse);
      }
    }
    return p;
  }

  /** log(sum_c exp(z_c)) of one row, computed as max + log(sum exp(z_c - max)). */
  static double logSumExp(double[] logits, int offset, int classes) {
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < classes; c++) {
      max = Math.max(max, logits[offset + c]);
    }
    double sum = 0;
    for (int c = 0; c < classes; c++) {
      sum += Math.exp(logits[offset + c] - max);
    }
    return max + Math.log(sum);
  }

  /** loss = (1/m) sum_r -log softmax(z_r)[y_r] = (1/m) sum_r (logSumExp(z_r) - z_r[y_r]). */
  static double crossEntropy(double[] logits, int[] labels, int m, int classes) {
    double total = 0;
    for (int r = 0; r < m; r++) {
      total += logSumExp(logits, r * classes, classes) - logits[r * classes + labels[r]];
    }
    return total / m;
  }

  /** dZ[L] = (A[L] - Y) / m: softmax and mean cross-entropy differentiated together. */
  static double[] outputDelta(double[] probabilities, int[] labels, int m, int classes) {
    double[] dZ = new double[m * classes];
    for (int r = 0; r < m; r++) {
      for (int c = 0; c < classes; c++) {
        double y = labels[r] == c ? 1 : 0;
        dZ[r * classes + c] = (probabilities[r * classes + c] - y) / m;
      }
    }
    return dZ;
  }

  /** dW = A[l-1]^T dZ[l]: (in x m)(m x out). */
  static double[] weightGradient(double[] aPrev, double[] dZ, int m, int in, int out) {
    double[] dW = new double[in * out];
    for (int i = 0; i < in; i++) {
      for (int j = 0; j < out; j++) {
        double sum = 0;
        for (int r = 0; r < m; r++) {
          sum += aPrev[r * in + i] * dZ[r * out + j];
        }
        dW[i * out + j] = sum;
      }
    }
    return dW;
  }

  /** db = column sums of dZ (the bias is added to every row, so its gradient sums over rows). */
  static double[] biasGradient(double[] dZ, int m, int out) {
    double[] db = new double[out];
    for (int r = 0; r < m; r++) {
      for (int j = 0; j < out; j++) {
        db[j] += dZ[r * out + j];
      }
    }
    return db;
  }

  /** dA[l-1] = dZ[l] W[l]^T: (m x out)(out x in). */
  static double[] inputGradient(double[] dZ, double[] w, int m, int in, int out) {
    double[] dA = new double[m * in];
    for (int r = 0; r < m; r++) {
      for (int i = 0; i < in; i++) {
        double sum = 0;
        for (int j = 0; j < out; j++) {
          sum += dZ[r * out + j] * w[i * out + j];
        }
        dA[r * in + i] = sum;
      }
    }
    return dA;
  }

  /** dZ[l-1] = dA[l-1] * g'(Z[l-1]), elementwise. */
  static double[] hiddenDelta(double[] dA, double[] zPrev, Activation g) {
    double[] dZ = new double[dA.length];
    for (int k = 0; k < dA.length; k++) {
      dZ[k] = dA[k] * ActivationFunction.derivative(g, zPrev[k]);
    }
    return dZ;
  }

  /** The pre-activations Z[l] of the last forward pass (for tests). */
  double[] preActivations(int layer) {
    return z[layer];
  }

  /** The current parameters rounded to float. */
  public Parameters toParameters() {
    int layers = spec.layerCount();
    float[][] w = new float[layers][];
    float[][] b = new float[layers][];
    for (int l = 0; l < layers; l++) {
      w[l] = narrow(weights[l]);
      b[l] = narrow(biases[l]);
    }
    return new Parameters(spec, w, b);
  }

  static double[] widen(float[] values) {
    return widen(values, values.length);
  }

  static double[] widen(float[] values, int count) {
    double[] d = new double[count];
    for (int k = 0; k < count; k++) {
      d[k] = values[k];
    }
    return d;
  }

  static float[] narrow(double[] values) {
    float[] f = new float[values.length];
    for (int k = 0; k < values.length; k++) {
      f[k] = (float) values[k];
    }
    return f;
  }
}
