package dev.flaxj.cli;

import org.graalvm.polyglot.PolyglotException;

/**
 * The last line of defence: an error that escaped Python's own handling (an internal error of
 * the Python runtime, a sandbox violation below Python) as one line on stderr, never a Java stack
 * trace. Exit code 1.
 */
final class Failure {
  private Failure() {}

  static int report(PolyglotException e) {
    if (e.isExit()) {
      return e.getExitStatus();
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    String first = message.lines().findFirst().orElse(message);
    System.err.println("flaxj: " + (e.isInternalError() ? "internal error: " : "") + first);
    return 1;
  }
}
