package io.mlpbench.core;

/** The loss became NaN or infinite: the run failed and must never be reported as a result. */
public final class TrainingDiverged extends RuntimeException {
  private final int epoch;
  private final double loss;

  public TrainingDiverged(int epoch, double loss) {
    super("training diverged in epoch " + epoch + ": loss " + loss);
    this.epoch = epoch;
    this.loss = loss;
  }

  public int epoch() {
    return epoch;
  }

  public double loss() {
    return loss;
  }
}
