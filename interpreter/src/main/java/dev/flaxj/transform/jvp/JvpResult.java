package dev.flaxj.transform.jvp;

import dev.flaxj.array.Value;
import java.util.List;

/** Primal outputs and their tangents (a tangent may be a symbolic {@link Zero}). */
public record JvpResult(List<Value> primalsOut, List<Value> tangentsOut) {
  public JvpResult {
    if (primalsOut.size() != tangentsOut.size()) {
      throw new IllegalArgumentException(primalsOut.size() + " primal outputs but "
          + tangentsOut.size() + " tangents");
    }
  }
}
