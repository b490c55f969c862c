package io.mlpbench.dataset;

/** The dataset could not be found or fetched (missing directory, no npm, no reachable mirror). */
public final class DatasetUnavailableException extends DatasetException {
  public DatasetUnavailableException(String message) {
    super(message);
  }

  public DatasetUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
