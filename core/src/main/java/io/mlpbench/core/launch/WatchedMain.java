package io.mlpbench.core.launch;

import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;

/**
 * The main class of every JVM {@link JvmLaunch} starts: {@code WatchedMain <launcher pid> <main
 * class> <args>} starts the {@link ParentWatch} on the launcher, then runs the named main class
 * with the rest of the arguments. So no JVM of ours, a JMH host or a probe included, outlives the
 * process that started it.
 */
public final class WatchedMain {
  private WatchedMain() {}

  public static void main(String[] args) throws Throwable {
    try {
      ParentWatch.start(Long.parseLong(args[0]));
    } catch (NoSuchMethodError e) {
      ParentWatch.start(); // an older core earlier on the classpath (an ab side) has only this
    }
    try {
      Class.forName(args[1])
          .getMethod("main", String[].class)
          .invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
    } catch (InvocationTargetException e) {
      throw e.getCause(); // the JVM reports the main class's own failure, exit status 1
    }
  }
}
