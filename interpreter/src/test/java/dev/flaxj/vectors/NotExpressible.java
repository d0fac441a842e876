package dev.flaxj.vectors;

/**
 * Thrown by a replayer when a recorded call cannot even be written against the Java API (for
 * example a Python int seed beyond the range of a Java long): the case is skipped with this reason.
 */
final class NotExpressible extends RuntimeException {
  NotExpressible(String reason) {
    super(reason);
  }
}
