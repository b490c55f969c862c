package io.mlpbench.results.compare;

/** What a comparison concluded for one metric. */
public enum Verdict {
  REGRESSION("regression"),
  IMPROVEMENT("improvement"),
  NO_CHANGE("no significant change"),
  /**
   * The slowdown or speed-up exceeds the threshold but there are too few raw samples to test it.
   */
  INSUFFICIENT_SAMPLES("insufficient samples"),
  NOT_COMPARABLE("not comparable");

  private final String label;

  Verdict(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
