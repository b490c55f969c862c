package io.mlpbench.manual;

import io.mlpbench.core.ModelSpec;
import io.mlpbench.core.OptimizerKind;
import io.mlpbench.core.Parameters;
import io.mlpbench.core.Trainer;
import io.mlpbench.core.TrainingConfig;
import io.mlpbench.dataset.Batch;

/**
 * The readable trainer: {@link ScalarNetwork} plus SGD or Adam written out in double precision.
 * Slow (plain loops, fresh arrays every step) and meant for teaching and as the tests' reference;
 * the route runs {@link FastTrainer}.
 */
public final class ScalarTrainer implements Trainer {
  private final TrainingConfig config;
  private final ScalarNetwork network;
  private final double[][] mWeights;
  private final double[][] vWeights;
  private final double[][] mBiases;
  private final double[][] vBiases;
  private int t;

  public ScalarTrainer(TrainingConfig config, Parameters initial) {
    this.config = config;
    this.network = new ScalarNetwork(initial);
    int layers = initial.layerCount();
    mWeights = new double[layers][];
    vWeights = new double[layers][];
    mBiases = new double[layers][];
    vBiases = new double[layers][];
    for (int l = 0; l < layers; l++) {
      mWeights[l] = new double[network.weights[l].length];
      vWeights[l] = new double[network.weights[l].length];
      mBiases[l] = new double[network.biases[l].length];
      vBiases[l] = new double[network.biases[l].length];
    }
  }

  public ScalarNetwork network() {
    return network;
  }

  @Override
  public float trainStep(Batch batch) {
    network.forward(batch.features(), batch.rows());
    double loss = network.loss(batch.labels());
    ScalarNetwork.Gradients gradients = network.backward(batch.labels());
    if (config.optimizer() == OptimizerKind.SGD) {
      sgdStep(gradients);
    } else {
      adamStep(gradients);
    }
    return (float) loss;
  }

  /** Like the fast trainer, the step reads the batch's own arrays in place. */
  @Override
  public float feed(Batch batch) {
    return batch.features()[batch.rows() * batch.featureCount() - 1];
  }

  /** theta -= lr * gradient. */
  void sgdStep(ScalarNetwork.Gradients gradients) {
    for (int l = 0; l < network.weights.length; l++) {
      sgd(network.weights[l], gradients.weights()[l]);
      sgd(network.biases[l], gradients.biases()[l]);
    }
  }

  private void sgd(double[] theta, double[] gradient) {
    for (int k = 0; k < theta.length; k++) {
      theta[k] -= config.learningRate() * gradient[k];
    }
  }

  /** One Adam step; t counts from 1 on the first step. */
  void adamStep(ScalarNetwork.Gradients gradients) {
    t++;
    for (int l = 0; l < network.weights.length; l++) {
      adam(network.weights[l], gradients.weights()[l], mWeights[l], vWeights[l]);
      adam(network.biases[l], gradients.biases()[l], mBiases[l], vBiases[l]);
    }
  }

  private void adam(double[] theta, double[] gradient, double[] m, double[] v) {
    double b1 = config.beta1();
    double b2 = config.beta2();
    double lr = config.learningRate();
    double eps = config.epsilon();
    double correction1 = 1 - Math.pow(b1, t);
    double correction2 = 1 - Math.pow(b2, t);
    for (int k = 0; k < theta.length; k++) {
      double gk = gradient[k];
      m[k] = b1 * m[k] + (1 - b1) * gk;
      v[k] = b2 * v[k] + (1 - b2) * gk * gk;
      theta[k] -=
          switch (config.adamForm()) {
            // Keras/DL4J/DJL: bias correction folded into the rate, eps added to sqrt(v).
            case EPSILON_HAT ->
                lr * Math.sqrt(correction2) / correction1 * m[k] / (Math.sqrt(v[k]) + eps);
            // torch.optim.Adam: bias-corrected moments, eps added to sqrt(v_hat).
            case TORCH -> lr * (m[k] / correction1) / (Math.sqrt(v[k] / correction2) + eps);
          };
    }
  }

  @Override
  public float[] predictLogits(float[] features, int rows) {
    return ScalarNetwork.narrow(network.forward(features, rows));
  }

  @Override
  public Parameters exportParameters() {
    return network.toParameters();
  }

  public ModelSpec spec() {
    return network.spec();
  }

  @Override
  public void close() {}
}
