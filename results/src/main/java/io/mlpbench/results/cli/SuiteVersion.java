package io.mlpbench.results.cli;

import picocli.CommandLine.IVersionProvider;

/** The suite version from the jar manifest, or "dev" when run from classes. */
public final class SuiteVersion implements IVersionProvider {
  /** The version string recorded with every result. */
  public static String current() {
    String v = SuiteVersion.class.getPackage().getImplementationVersion();
    return v == null ? System.getProperty("mlpbench.version", "0.1.0-dev") : v;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"mlp-bench " + current()};
  }
}
