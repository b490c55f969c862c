package io.mlpbench.core;

import io.mlpbench.dataset.Batch;

/**
 * The conformance tests' yardstick: the network, loss and optimizers of the suite written equation
 * by equation in double precision, independent of every route (manual's fast path and its {@code
 * ScalarNetwork} included: no code is shared, the activation derivatives too are written here from
 * their definitions).
 *
 * <p>It lives in core's test-jar because every route module already depends on it, while core
 * cannot depend on a route (manual-backprop depends on core). It is the same mathematics as
 * manual's {@code ScalarNetwork}, kept deliberately separate so a bug there cannot hide in the
 * reference; manual-backprop's tests assert that the two agree.
 *
 * <p>Layout (see {@link Parameters}): a batch is m rows; A[0] = X; Z[l] = A[l] W[l] + b[l] with
 * W[l] (in x out) row-major; A[l+1] = g(Z[l]) for hidden layers and softmax(Z[L-1]) for the last;
 * the loss is the mean cross-entropy over the m rows of the batch.
 *
 * <p>The few methods that are {@code protected} are the equations the mutation test breaks one at a
 * time ({@link WrongTrainers}); the reference itself never overrides them.
 */
public class ReferenceTrainer implements Trainer {
  private final ModelSpec spec;
  protected final TrainingConfig config;
  private final double[][] weights;
  private final double[][] biases;
  private final double[][] mWeights;
  private final double[][] vWeights;
  private final double[][] mBiases;
  private final double[][] vBiases;
  private int step;

  /** The values of one forward pass: A[l] (inputs of layer l, A[L] = softmax) and Z[l]. */
  public record Pass(int rows, double[][] activations, double[][] preActivations) {
    public double[] logits() {
      return preActivations[preActivations.length - 1];
    }

    public double[] probabilities() {
      return activations[activations.length - 1];
    }
  }

  /**
   * Gradients of the loss of one pass: dW[l], db[l], dZ[l] and dA[l] = dL/dA[l] (the gradient with
   * respect to layer l's input, null for l = 0: the data needs none).
   */
  public record Gradients(
      double[][] weights, double[][] biases, double[][] preActivations, double[][] inputs) {}

  public ReferenceTrainer(ModelSpec spec, TrainingConfig config, Parameters initial) {
    if (!spec.equals(initial.spec())) {
      throw new IllegalArgumentException(
          "initial parameters are for " + initial.spec() + " but the model is " + spec);
    }
    this.spec = spec;
    this.config = config;
    int layers = spec.layerCount();
    weights = new double[layers][];
    biases = new double[layers][];
    mWeights = new double[layers][];
    vWeights = new double[layers][];
    mBiases = new double[layers][];
    vBiases = new double[layers][];
    for (int l = 0; l < layers; l++) {
      weights[l] = widen(initial.weights(l), initial.weights(l).length);
      biases[l] = widen(initial.biases(l), initial.biases(l).length);
      mWeights[l] = new double[weights[l].length];
      vWeights[l] = new double[weights[l].length];
      mBiases[l] = new double[biases[l].length];
      vBiases[l] = new double[biases[l].length];
    }
  }

  @Override
  public float feed(Batch batch) {
    return batch.features()[batch.rows() * batch.featureCount() - 1];
  }

  @Override
  public float trainStep(Batch batch) {
    Pass pass = forward(batch.features(), batch.rows());
    double loss = loss(pass, batch.labels());
    Gradients gradients = backward(pass, batch.labels());
    step++;
    for (int l = 0; l < spec.layerCount(); l++) {
      update(weights[l], gradients.weights()[l], mWeights[l], vWeights[l]);
      update(biases[l], gradients.biases()[l], mBiases[l], vBiases[l]);
    }
    return (float) loss;
  }

  /** The forward pass over the first {@code rows} samples of {@code features}. */
  public Pass forward(float[] features, int rows) {
    int layers = spec.layerCount();
    double[][] a = new double[layers + 1][];
    double[][] z = new double[layers][];
    a[0] = widen(features, rows * spec.inputSize());
    for (int l = 0; l < layers; l++) {
      z[l] = linear(a[l], weights[l], biases[l], rows, spec.inputs(l), spec.outputs(l));
      a[l + 1] =
          l < layers - 1
              ? activate(spec.hiddenActivation(), z[l])
              : softmax(z[l], rows, spec.outputs(l));
    }
    return new Pass(rows, a, z);
  }

  /** Cross-entropy of {@code pass} against {@code labels}, reduced by {@link #lossDivisor}. */
  public double loss(Pass pass, int[] labels) {
    // -log softmax(z)[y] = logSumExp(z) - z[y]: no log of an underflowed probability
    int classes = spec.classCount();
    double[] z = pass.logits();
    double total = 0;
    for (int r = 0; r < pass.rows(); r++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < classes; c++) {
        max = Math.max(max, z[r * classes + c]);
      }
      double sum = 0;
      for (int c = 0; c < classes; c++) {
        sum += Math.exp(z[r * classes + c] - max);
      }
      total += max + Math.log(sum) - z[r * classes + labels[r]];
    }
    return total / lossDivisor(pass.rows());
  }

  /** Backpropagation through {@code pass}: the gradients of {@link #loss}. */
  public Gradients backward(Pass pass, int[] labels) {
    int layers = spec.layerCount();
    int m = pass.rows();
    double[][] dW = new double[layers][];
    double[][] db = new double[layers][];
    double[][] dZ = new double[layers][];
    double[][] dA = new double[layers][];
    dZ[layers - 1] = outputDelta(pass.probabilities(), labels, m, spec.classCount());
    for (int l = layers - 1; l >= 0; l--) {
      int in = spec.inputs(l);
      int out = spec.outputs(l);
      dW[l] = weightGradient(pass.activations()[l], dZ[l], m, in, out);
      db[l] = biasGradient(dZ[l], m, out);
      if (l > 0) {
        dA[l] = inputGradient(dZ[l], weights[l], m, in, out);
        dZ[l - 1] = hiddenDelta(dA[l], pass.preActivations()[l - 1], spec.hiddenActivation());
      }
    }
    return new Gradients(dW, db, dZ, dA);
  }

  /** The m of "mean over the batch": the batch's own row count. */
  protected double lossDivisor(int rows) {
    return rows;
  }

  /** dZ[L-1] = (softmax - onehot(y)) / m: softmax and cross-entropy differentiated together. */
  private double[] outputDelta(double[] probabilities, int[] labels, int m, int classes) {
    double divisor = lossDivisor(m);
    double[] dZ = new double[m * classes];
    for (int r = 0; r < m; r++) {
      for (int c = 0; c < classes; c++) {
        double y = labels[r] == c ? 1 : 0;
        dZ[r * classes + c] = (probabilities[r * classes + c] - y) / divisor;
      }
    }
    return dZ;
  }

  /** db = the column sums of dZ: the bias is added to every row. */
  protected double[] biasGradient(double[] dZ, int m, int out) {
    double[] db = new double[out];
    for (int r = 0; r < m; r++) {
      for (int j = 0; j < out; j++) {
        db[j] += dZ[r * out + j];
      }
    }
    return db;
  }

  /** 1 - beta^t, the bias correction of an Adam moment after t steps. */
  protected double biasCorrection(double beta, int t) {
    return 1 - Math.pow(beta, t);
  }

  /** One optimizer step on {@code theta}; Adam's step counter is 1 on the first step. */
  private void update(double[] theta, double[] gradient, double[] m, double[] v) {
    double lr = config.learningRate();
    if (config.optimizer() == OptimizerKind.SGD) {
      for (int k = 0; k < theta.length; k++) {
        theta[k] -= lr * gradient[k];
      }
      return;
    }
    double b1 = config.beta1();
    double b2 = config.beta2();
    double eps = config.epsilon();
    double c1 = biasCorrection(b1, step);
    double c2 = biasCorrection(b2, step);
    for (int k = 0; k < theta.length; k++) {
      m[k] = b1 * m[k] + (1 - b1) * gradient[k];
      v[k] = b2 * v[k] + (1 - b2) * gradient[k] * gradient[k];
      theta[k] -=
          switch (config.adamForm()) {
            // Kingma and Ba, section 2, last paragraph (TF/Keras, DL4J, DJL): eps on sqrt(v)
            case EPSILON_HAT -> lr * Math.sqrt(c2) / c1 * m[k] / (Math.sqrt(v[k]) + eps);
            // torch.optim.Adam: eps on sqrt(v_hat), the bias-corrected second moment
            case TORCH -> lr * (m[k] / c1) / (Math.sqrt(v[k] / c2) + eps);
          };
    }
  }

  /** Layer l's weights in double, the live array (for the finite-difference check). */
  double[] weights(int layer) {
    return weights[layer];
  }

  /** Layer l's biases in double, the live array. */
  double[] biases(int layer) {
    return biases[layer];
  }

  @Override
  public float[] predictLogits(float[] features, int rows) {
    return narrow(forward(features, rows).logits());
  }

  @Override
  public Parameters exportParameters() {
    float[][] w = new float[weights.length][];
    float[][] b = new float[biases.length][];
    for (int l = 0; l < weights.length; l++) {
      w[l] = narrow(weights[l]);
      b[l] = narrow(biases[l]);
    }
    return new Parameters(spec, w, b);
  }

  @Override
  public void close() {}

  /** Z = A W + b: (m x in)(in x out), b added to every row; each sum runs over i in order. */
  static double[] linear(double[] a, double[] w, double[] b, int m, int in, int out) {
    double[] z = new double[m * out];
    for (int r = 0; r < m; r++) {
      System.arraycopy(b, 0, z, r * out, out);
      for (int i = 0; i < in; i++) {
        double air = a[r * in + i];
        for (int j = 0; j < out; j++) {
          z[r * out + j] += air * w[i * out + j];
        }
      }
    }
    return z;
  }

  /** dW = A^T dZ: (in x m)(m x out). */
  static double[] weightGradient(double[] a, double[] dZ, int m, int in, int out) {
    double[] dW = new double[in * out];
    for (int r = 0; r < m; r++) {
      for (int i = 0; i < in; i++) {
        double air = a[r * in + i];
        for (int j = 0; j < out; j++) {
          dW[i * out + j] += air * dZ[r * out + j];
        }
      }
    }
    return dW;
  }

  /** dA = dZ W^T: (m x out)(out x in). */
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

  /** A = g(Z), elementwise. */
  static double[] activate(Activation g, double[] z) {
    double[] a = new double[z.length];
    for (int k = 0; k < z.length; k++) {
      a[k] =
          switch (g) {
            case RELU -> z[k] > 0 ? z[k] : Double.isNaN(z[k]) ? z[k] : 0; // NaN stays visible
            case TANH -> Math.tanh(z[k]);
            case SIGMOID -> 1 / (1 + Math.exp(-z[k]));
          };
    }
    return a;
  }

  /** dZ = dA * g'(Z); relu'(0) = 0 as every framework defines it. */
  static double[] hiddenDelta(double[] dA, double[] z, Activation g) {
    double[] dZ = new double[dA.length];
    for (int k = 0; k < dA.length; k++) {
      double derivative =
          switch (g) {
            case RELU -> z[k] > 0 ? 1 : 0;
            case TANH -> 1 - Math.tanh(z[k]) * Math.tanh(z[k]);
            case SIGMOID -> {
              double s = 1 / (1 + Math.exp(-z[k]));
              yield s * (1 - s);
            }
          };
      dZ[k] = dA[k] * derivative;
    }
    return dZ;
  }

  /** Row-wise softmax, each row shifted by its maximum so exp cannot overflow. */
  static double[] softmax(double[] z, int m, int classes) {
    double[] p = new double[m * classes];
    for (int r = 0; r < m; r++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < classes; c++) {
        max = Math.max(max, z[r * classes + c]);
      }
      double sum = 0;
      for (int c = 0; c < classes; c++) {
        p[r * classes + c] = Math.exp(z[r * classes + c] - max);
        sum += p[r * classes + c];
      }
      for (int c = 0; c < classes; c++) {
        p[r * classes + c] /= sum;
      }
    }
    return p;
  }

  private static double[] widen(float[] values, int count) {
    double[] d = new double[count];
    for (int k = 0; k < count; k++) {
      d[k] = values[k];
    }
    return d;
  }

  private static float[] narrow(double[] values) {
    float[] f = new float[values.length];
    for (int k = 0; k < values.length; k++) {
      f[k] = (float) values[k];
    }
    return f;
  }
}
