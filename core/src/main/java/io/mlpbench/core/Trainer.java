package io.mlpbench.core;

import io.mlpbench.dataset.Batch;
import io.mlpbench.dataset.Batcher;

/**
 * One model being trained by one route. Created by {@link Route#create} from the shared initial
 * parameters; owns native resources until {@link #close()}.
 */
public interface Trainer extends AutoCloseable {

  /** One optimizer step on {@code batch}; returns the batch's mean cross-entropy loss. */
  float trainStep(Batch batch);

  /**
   * The suite's part of {@link #trainStep} without the step: puts {@code batch} into this route's
   * input form exactly as a training step does (tensors, native arrays, staging buffers; in place
   * when the route reads the Java arrays) and releases it. Benchmarked beside the step, it measures
   * how much of a step is feeding rather than training. Changes no parameter.
   *
   * @return the batch's last feature value (last row, last input) read back from the staged input,
   *     so the copy cannot be skipped and its destination is checked
   */
  float feed(Batch batch);

  /**
   * Trains for {@code epochs} epochs over {@code batches}, in its shared order. The default loops
   * over {@link #trainStep}; fit()-style routes override it with their framework's own API. Either
   * way the listener hears every epoch's mean loss, and a non-finite loss ends the run with {@link
   * TrainingDiverged}.
   */
  default void fit(Batcher batches, int epochs, EpochListener listener) {
    int batchCount = batches.batchesPerEpoch();
    for (int epoch = 1; epoch <= epochs; epoch++) {
      double sum = 0;
      int index = 0;
      for (Batch batch : batches.epoch(epoch)) {
        float loss = trainStep(batch);
        if (!Float.isFinite(loss)) {
          throw new TrainingDiverged(epoch, loss);
        }
        sum += loss;
        listener.onBatch(epoch, index++, batchCount);
      }
      listener.onEpochEnd(epoch, sum / batchCount);
    }
  }

  /**
   * Output logits (rows x classes, row-major) for the first {@code rows} samples of {@code
   * features}.
   */
  float[] predictLogits(float[] features, int rows);

  /** Predicted class per sample: argmax of the logits. */
  default int[] predictClasses(float[] features, int rows) {
    float[] logits = predictLogits(features, rows);
    int classes = logits.length / rows;
    int[] predicted = new int[rows];
    for (int r = 0; r < rows; r++) {
      int best = 0;
      for (int c = 1; c < classes; c++) {
        if (logits[r * classes + c] > logits[r * classes + best]) {
          best = c;
        }
      }
      predicted[r] = best;
    }
    return predicted;
  }

  /** A copy of the current parameters in the shared layout (see {@link Parameters}). */
  Parameters exportParameters();

  /** Releases native memory, sessions and thread pools. */
  @Override
  void close();
}
