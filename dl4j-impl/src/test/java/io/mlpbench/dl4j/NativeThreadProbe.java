package io.mlpbench.dl4j;

import org.nd4j.linalg.factory.Nd4j;

/** Run in a child JVM: prints the thread counts ND4J's native backend and its BLAS settled on. */
public final class NativeThreadProbe {
  static final String PREFIX = "nd4j-threads ";

  public static void main(String[] args) {
    System.out.println(
        PREFIX + Nd4j.getEnvironment().maxThreads() + " " + Nd4j.factory().blas().getMaxThreads());
  }
}
