package io.mlpbench.core.launch;

import java.util.List;
import java.util.Map;

/**
 * What a runner knows about a route without loading it: reported by the route's own JVM ({@link
 * RouteWorker describe}) so runners never put framework classes on their classpath.
 */
public record RouteDescriptor(
    String id,
    String framework,
    String frameworkVersion,
    String style,
    String module,
    Map<String, String> environment,
    List<String> jvmArgs,
    List<String> nativeLibraries) {}
