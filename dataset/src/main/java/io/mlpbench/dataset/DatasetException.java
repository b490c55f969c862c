package io.mlpbench.dataset;

/**
 * Base of every error this module reports. Unchecked, so {@link Datasets#load(String)} keeps its
 * simple signature; messages always name the file or directory, what was expected and what was
 * found.
 */
public class DatasetException extends RuntimeException {
  public DatasetException(String message) {
    super(message);
  }

  public DatasetException(String message, Throwable cause) {
    super(message, cause);
  }
}
