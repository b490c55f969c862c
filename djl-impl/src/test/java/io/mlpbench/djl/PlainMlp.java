package io.mlpbench.djl;

import io.mlpbench.core.ModelSpec;
import io.mlpbench.core.Parameters;

/**
 * An independent reference for tests: the forward pass Z = A W + b written out in double from the
 * shared [in, out] layout, so a transposed load or a wrong activation in the DJL model shows up.
 */
final class PlainMlp {
  private PlainMlp() {}

  static double[] logits(Parameters p, float[] features, int rows) {
    ModelSpec spec = p.spec();
    double[] a = new double[rows * spec.inputSize()];
    for (int i = 0; i < a.length; i++) {
      a[i] = features[i];
    }
    for (int l = 0; l < spec.layerCount(); l++) {
      int in = spec.inputs(l);
      int out = spec.outputs(l);
      double[] z = new double[rows * out];
      for (int r = 0; r < rows; r++) {
        for (int j = 0; j < out; j++) {
          double s = p.biases(l)[j];
          for (int i = 0; i < in; i++) {
            s += a[r * in + i] * p.weights(l)[i * out + j];
          }
          z[r * out + j] = l < spec.layerCount() - 1 ? activate(spec, s) : s;
        }
      }
      a = z;
    }
    return a;
  }

  /** Row-wise softmax of (rows x classes) logits. */
  static double[] softmax(double[] logits, int rows, int classes) {
    double[] p = new double[logits.length];
    for (int r = 0; r < rows; r++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < classes; c++) {
        max = Math.max(max, logits[r * classes + c]);
      }
      double sum = 0;
      for (int c = 0; c < classes; c++) {
        p[r * classes + c] = Math.exp(logits[r * classes + c] - max);
        sum += p[r * classes + c];
      }
      for (int c = 0; c < classes; c++) {
        p[r * classes + c] /= sum;
      }
    }
    return p;
  }

  /** Mean over rows of -log softmax(z)[label]. */
  static double meanCrossEntropy(double[] logits, int[] labels, int rows, int classes) {
    double[] p = softmax(logits, rows, classes);
    double sum = 0;
    for (int r = 0; r < rows; r++) {
      sum -= Math.log(p[r * classes + labels[r]]);
    }
    return sum / rows;
  }

  private static double activate(ModelSpec spec, double x) {
    return switch (spec.hiddenActivation()) {
      case RELU -> Math.max(0, x);
      case TANH -> Math.tanh(x);
      case SIGMOID -> 1 / (1 + Math.exp(-x));
    };
  }
}
