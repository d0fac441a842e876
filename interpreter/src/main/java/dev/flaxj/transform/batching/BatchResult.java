package dev.flaxj.transform.batching;

import dev.flaxj.array.Value;
import java.util.List;

/** Batched outputs and where each carries the batch dimension ({@link BatchRules#NOT_MAPPED} if none). */
public record BatchResult(List<Value> outs, int[] dims) {
  public BatchResult {
    if (outs.size() != dims.length) {
      throw new IllegalArgumentException(outs.size() + " outputs but " + dims.length + " batch dims");
    }
    dims = dims.clone();
  }

  @Override
  public int[] dims() {
    return dims.clone();
  }
}
