package io.mlpbench.core;

import io.mlpbench.dataset.Batch;
import io.mlpbench.dataset.Batcher;
import java.util.List;

/**
 * Known-wrong trainers, each {@link ReferenceTrainer} with exactly one mistake that a route could
 * plausibly make: the conformance checks must reject every one ({@link
 * ConformanceRejectsWrongTrainersTest}). Mutation testing by hand.
 */
final class WrongTrainers {
  private WrongTrainers() {}

  /** A mutant and its name. */
  record Mutant(String name, Conformance.TrainerFactory factory) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Mutant> all() {
    return List.of(
        new Mutant("no bias gradient", NoBiasGradient::new),
        new Mutant("sum loss instead of mean", SumLoss::new),
        new Mutant(
            "torch-style epsilon",
            (spec, config, initial) ->
                new ReferenceTrainer(spec, config.withAdamForm(AdamForm.TORCH), initial)),
        new Mutant("Adam without bias correction", NoBiasCorrection::new),
        new Mutant("fit skips the last partial batch", SkipsLastBatch::new),
        new Mutant("partial batch divided by the nominal batch size", NominalBatchMean::new));
  }

  /** db is never computed, so the biases keep their initial zeros. */
  private static final class NoBiasGradient extends ReferenceTrainer {
    NoBiasGradient(ModelSpec spec, TrainingConfig config, Parameters initial) {
      super(spec, config, initial);
    }

    @Override
    protected double[] biasGradient(double[] dZ, int m, int out) {
      return new double[out];
    }
  }

  /** Cross-entropy summed over the batch instead of averaged ("reduction = sum"). */
  private static final class SumLoss extends ReferenceTrainer {
    SumLoss(ModelSpec spec, TrainingConfig config, Parameters initial) {
      super(spec, config, initial);
    }

    @Override
    protected double lossDivisor(int rows) {
      return 1;
    }
  }

  /** Adam's raw moments used as they are: steps of ~3 lr at t = 1 instead of ~lr. */
  private static final class NoBiasCorrection extends ReferenceTrainer {
    NoBiasCorrection(ModelSpec spec, TrainingConfig config, Parameters initial) {
      super(spec, config, initial);
    }

    @Override
    protected double biasCorrection(double beta, int t) {
      return 1;
    }
  }

  /** Divides every batch's loss by the configured batch size, also the smaller last one. */
  private static final class NominalBatchMean extends ReferenceTrainer {
    NominalBatchMean(ModelSpec spec, TrainingConfig config, Parameters initial) {
      super(spec, config, initial);
    }

    @Override
    protected double lossDivisor(int rows) {
      return config.batchSize();
    }
  }

  /** A fit that drops the remainder of the epoch (as a "drop last" data loader does). */
  private static final class SkipsLastBatch extends ReferenceTrainer {
    SkipsLastBatch(ModelSpec spec, TrainingConfig config, Parameters initial) {
      super(spec, config, initial);
    }

    @Override
    public void fit(Batcher batches, int epochs, EpochListener listener) {
      for (int epoch = 1; epoch <= epochs; epoch++) {
        double sum = 0;
        int trained = 0;
        for (Batch batch : batches.epoch(epoch)) {
          if (batch.rows() < batches.batchSize()) {
            continue;
          }
          float loss = trainStep(batch);
          if (!Float.isFinite(loss)) {
            throw new TrainingDiverged(epoch, loss);
          }
          sum += loss;
          listener.onBatch(epoch, trained++, batches.batchesPerEpoch());
        }
        listener.onEpochEnd(epoch, sum / trained);
      }
    }
  }
}
