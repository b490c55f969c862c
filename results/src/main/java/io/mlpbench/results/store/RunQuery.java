package io.mlpbench.results.store;

/**
 * Filters for {@link RunStore#list}; a null field matches everything.
 *
 * @param frameworkVersion matched against any route's framework version in the record
 */
public record RunQuery(
    String route,
    String machineFingerprint,
    String suiteVersion,
    String frameworkVersion,
    Integer limit) {
  public static final RunQuery ALL = new RunQuery(null, null, null, null, null);
}
