package io.mlpbench.core;

/** Told about training progress by {@link Trainer#fit}. Throwing aborts the run. */
public interface EpochListener {
  /** After each batch; {@code batchIndex} counts from 0 within the epoch. */
  default void onBatch(int epoch, int batchIndex, int batchCount) {}

  /** After epoch {@code epoch} (from 1), with the mean of its per-batch training losses. */
  void onEpochEnd(int epoch, double meanTrainingLoss);

  EpochListener NONE = (epoch, loss) -> {};
}
