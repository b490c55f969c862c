package io.mlpbench.bench.testroutes;

import io.mlpbench.core.Parameters;
import io.mlpbench.core.Trainer;
import io.mlpbench.dataset.Batch;

/**
 * A deliberately cheap stand-in trainer for harness tests: logits are sums of 10 feature stripes,
 * the loss is their softmax cross-entropy. It learns nothing; it only has to be fast and finite.
 */
final class TinyTrainer implements Trainer {
  private final Parameters parameters;
  private final boolean failSteps;

  TinyTrainer(Parameters initial, boolean failSteps) {
    this.parameters = initial.copy();
    this.failSteps = failSteps;
  }

  @Override
  public float feed(Batch batch) {
    return batch.features()[batch.rows() * batch.featureCount() - 1];
  }

  @Override
  public float trainStep(Batch batch) {
    if (failSteps) {
      throw new IllegalStateException("test-throws: deliberate failure in trainStep");
    }
    float[] logits = predictLogits(batch.features(), batch.rows());
    double loss = 0;
    for (int r = 0; r < batch.rows(); r++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < 10; c++) {
        max = Math.max(max, logits[r * 10 + c]);
      }
      double sum = 0;
      for (int c = 0; c < 10; c++) {
        sum += Math.exp(logits[r * 10 + c] - max);
      }
      loss += max + Math.log(sum) - logits[r * 10 + batch.labels()[r]];
    }
    return (float) (loss / batch.rows());
  }

  @Override
  public float[] predictLogits(float[] features, int rows) {
    int inputs = 784; // the suite's datasets are all 28x28
    float[] logits = new float[rows * 10];
    for (int r = 0; r < rows; r++) {
      for (int i = 0; i < inputs; i++) {
        logits[r * 10 + (i * 10 / inputs)] += features[r * 784 + i] * 0.01f;
      }
    }
    return logits;
  }

  @Override
  public Parameters exportParameters() {
    return parameters.copy();
  }

  @Override
  public void close() {}
}
