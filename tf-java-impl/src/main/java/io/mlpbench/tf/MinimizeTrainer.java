package io.mlpbench.tf;

import io.mlpbench.core.EpochListener;
import io.mlpbench.core.ModelSpec;
import io.mlpbench.core.Parameters;
import io.mlpbench.core.TrainingConfig;
import io.mlpbench.core.TrainingDiverged;
import io.mlpbench.dataset.Batch;
import io.mlpbench.dataset.Batcher;
import org.tensorflow.Graph;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;

/**
 * Route {@code tf-minimize}, the closest TF Java has to Keras {@code model.fit()}: the optimizer's
 * {@code minimize(loss)} adds gradients and updates as one training op, and {@link #fit} drives it
 * over the epochs.
 */
final class MinimizeTrainer extends TfTrainer {

  private MinimizeTrainer(Graph graph, MlpGraph model, Op trainOp, TrainingConfig config) {
    super(graph, model, trainOp, config);
  }

  static MinimizeTrainer create(ModelSpec spec, TrainingConfig config, Parameters initial) {
    requireSupported(config);
    Graph graph = new Graph();
    try {
      MlpGraph model = new MlpGraph(Ops.create(graph), spec, initial);
      Op minimize = optimizer(graph, config).minimize(model.loss, "minimize");
      return new MinimizeTrainer(graph, model, minimize, config);
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  /**
   * Runs the minimize op once per batch for {@code epochs} epochs, as Keras' fit loop does: the
   * listener hears every batch and each epoch's mean loss, and a NaN or infinite batch loss stops
   * the run (Keras' TerminateOnNaN) with {@link TrainingDiverged}.
   */
  @Override
  public void fit(Batcher batches, int epochs, EpochListener listener) {
    int batchCount = batches.batchesPerEpoch();
    for (int epoch = 1; epoch <= epochs; epoch++) {
      double lossSum = 0;
      int index = 0;
      for (Batch batch : batches.epoch(epoch)) {
        float loss = trainStep(batch);
        if (!Float.isFinite(loss)) {
          throw new TrainingDiverged(epoch, loss);
        }
        lossSum += loss;
        listener.onBatch(epoch, index++, batchCount);
      }
      listener.onEpochEnd(epoch, lossSum / batchCount);
    }
  }
}
