package io.mlpbench.core.launch;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlpbench.core.LaunchRequirements;
import io.mlpbench.core.Route;
import io.mlpbench.core.Routes;
import io.mlpbench.core.TrainingConfig;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Main class run inside a route module's JVM. {@code describe [threads]} prints one {@link
 * RouteDescriptor} per route on the classpath, with the launch requirements for that thread count.
 * {@code train --route <id> --spec <json>} trains one route and reports progress (see {@link
 * TrainCommand} and {@link TrainRequest} for the arguments).
 */
public final class RouteWorker {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RouteWorker() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println(
          "usage: RouteWorker describe [threads] | train --route <id> --spec <json>");
      System.exit(2);
    }
    PrintStream out = System.out;
    switch (args[0]) {
      case "describe" ->
          describe(
              out, args.length > 1 ? Integer.parseInt(args[1]) : TrainingConfig.DEFAULT_THREADS);
      case "train" -> {
        TrainRequest request;
        try {
          request = TrainRequest.parse(Arrays.asList(args).subList(1, args.length));
        } catch (IllegalArgumentException e) {
          System.err.println("worker train: " + e.getMessage());
          System.exit(2);
          return;
        }
        int status = new TrainCommand(out).run(request);
        out.flush();
        // exit explicitly: framework thread pools must not keep a finished or failed JVM alive
        System.exit(status);
      }
      default -> {
        System.err.println("unknown worker command '" + args[0] + "' in " + Arrays.toString(args));
        System.exit(2);
      }
    }
    out.flush();
  }

  static void describe(PrintStream out, int threads) throws Exception {
    String module = System.getProperty("mlpbench.module", "");
    TrainingConfig config = TrainingConfig.defaults().withThreads(threads);
    List<RouteDescriptor> descriptors = new ArrayList<>();
    for (Route route : Routes.available()) {
      LaunchRequirements launch = route.launchRequirements(config);
      descriptors.add(
          new RouteDescriptor(
              route.id(),
              route.framework(),
              route.frameworkVersion(),
              route.style().id(),
              module,
              launch.environment(),
              launch.jvmArgs(),
              RouteDescriptor.jdkOfThisJvm(),
              route.nativeLibraries()));
    }
    for (RouteDescriptor d : descriptors) {
      out.println(WorkerProtocol.PREFIX + JSON.writeValueAsString(d));
    }
  }
}
