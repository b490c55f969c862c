package io.mlpbench.djl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The Maven artifacts that carry PyTorch's native code, with the versions this module was built
 * against: the libtorch binaries ({@code pytorch-native-cpu}, classifier per platform) and DJL's
 * JNI bridge ({@code pytorch-jni}). DJL would download either one when missing; offline, a missing
 * one must instead be named so the user can add it.
 */
record NativeArtifacts(
    String djlVersion, String pytorchVersion, String jniVersion, String classifier) {

  /** Resource that only the libtorch artifact contains (DJL reads it to find the binaries). */
  static final String NATIVE_MARKER = "native/lib/pytorch.properties";

  /** Resource that only the JNI artifact contains. */
  static final String JNI_MARKER = "jnilib/pytorch.properties";

  private static final String VERSIONS = "djl-route.properties";

  /** The versions written into this module's resources at build time. */
  static NativeArtifacts bundled() {
    Properties p = new Properties();
    try (InputStream in = NativeArtifacts.class.getResourceAsStream(VERSIONS)) {
      if (in == null) {
        throw new IllegalStateException(
            "resource io/mlpbench/djl/" + VERSIONS + " missing from the djl-impl jar; rebuild it");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new NativeArtifacts(
        p.getProperty("djl.version"),
        p.getProperty("pytorch.version"),
        p.getProperty("pytorch.jni.version"),
        p.getProperty("native.classifier"));
  }

  String nativeCoordinates() {
    return "ai.djl.pytorch:pytorch-native-cpu:"
        + pytorchVersion
        + " (classifier "
        + classifier
        + ")";
  }

  String jniCoordinates() {
    return "ai.djl.pytorch:pytorch-jni:" + jniVersion;
  }

  /** Coordinates of the native artifacts absent from {@code loader}'s classpath. */
  List<String> missingFrom(ClassLoader loader) {
    List<String> missing = new ArrayList<>();
    if (loader.getResource(NATIVE_MARKER) == null) {
      missing.add(nativeCoordinates());
    }
    if (loader.getResource(JNI_MARKER) == null) {
      missing.add(jniCoordinates());
    }
    return missing;
  }
}
