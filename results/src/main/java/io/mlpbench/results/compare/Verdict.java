package io.mlpbench.results.compare;

/**
 * What a comparison concluded for one metric: one of four outcomes (regression, improvement, no
 * change, inconclusive), the inconclusive ones split by their reason so the reason is never lost.
 */
public enum Verdict {
  REGRESSION("regression"),
  IMPROVEMENT("improvement"),
  NO_CHANGE("no change"),
  /** Fewer than 3 JVM forks on a side: forks are the unit of replication, iterations are not. */
  TOO_FEW_FORKS("inconclusive: too few forks"),
  /** Too many forks were measured while other processes used the machine. */
  MACHINE_BUSY("inconclusive: machine busy"),
  /**
   * Two or more forks of a side collapsed to a third of the others' speed: the code may run in two
   * regimes, which a ratio of means would hide ({@link CollapsedForks}).
   */
  UNSTABLE("inconclusive: unstable forks"),
  /** An accuracy verdict with one seed on a side: no spread over seeds, so no interval. */
  ONE_SEED("inconclusive (1 seed)"),
  /** An accuracy verdict with 2 seeds on a side: it needs at least 3. */
  TOO_FEW_SEEDS("inconclusive (2 seeds)"),
  /** Different hardware class, model or training settings, or nothing to compare with. */
  NOT_COMPARABLE("inconclusive: not comparable");

  private final String label;

  Verdict(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Whether no conclusion was reached (the label says why). */
  public boolean isInconclusive() {
    return this != REGRESSION && this != IMPROVEMENT && this != NO_CHANGE;
  }
}
