package io.mlpbench.core.bench;

/**
 * A score with JMH's error: the half-width of its 99.9% confidence interval (NaN when JMH had too
 * few measurements to estimate one).
 */
public record Measurement(double score, double error) {

  public double lower() {
    return score - error;
  }

  public double upper() {
    return score + error;
  }

  public boolean hasError() {
    return Double.isFinite(error);
  }

  public Measurement times(double factor) {
    return new Measurement(score * factor, error * factor);
  }

  /** Whether the two confidence intervals overlap: then neither is measurably faster. */
  public boolean overlaps(Measurement other) {
    return hasError() && other.hasError() && lower() <= other.upper() && other.lower() <= upper();
  }
}
